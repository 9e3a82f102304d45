// Which entity a spelling names
// The entities whose name or one of whose aliases is the given spelling, ignoring case and
// accents ('Lajcak' is Lajčák), such as a transliteration found in a new document, with
// the recorded spellings that match and, for each, the sources that write it so (none: a
// curator's normalised spelling). More than one row means the spelling is ambiguous (a
// bare surname, for instance). Accents fold as in find_entity: the `fold` table, applied
// in the query to both sides (plain Cypher, for FalkorDB and Neo4j alike).
// :param spelling => 'Guliev'
WITH [['ÀÁÂÃÄÅàáâãäåĀāĂăĄąƏə', 'a'], ['Ææ', 'ae'], ['ÇçĆćĈĉĊċČč', 'c'], ['ÐðĎďĐđ', 'd'],
      ['ÈÉÊËèéêëĒēĔĕĖėĘęĚě', 'e'], ['ĜĝĞğĠġĢģ', 'g'], ['ĤĥĦħ', 'h'],
      ['ÌÍÎÏìíîïĨĩĪīĬĭĮįİı', 'i'], ['Ĳĳ', 'ij'], ['Ĵĵ', 'j'], ['Ķķĸ', 'k'], ['ĹĺĻļĽľĿŀŁł', 'l'],
      ['ÑñŃńŅņŇňŉŊŋ', 'n'], ['ÒÓÔÕÖØòóôõöøŌōŎŏŐő', 'o'], ['Œœ', 'oe'], ['ŔŕŖŗŘř', 'r'],
      ['ŚśŜŝŞşŠšſȘș', 's'], ['ßẞ', 'ss'], ['ŢţŤťŦŧȚț', 't'], ['Þþ', 'th'],
      ['ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų', 'u'], ['Ŵŵ', 'w'], ['ÝýÿŶŷŸ', 'y'], ['ŹźŻżŽž', 'z'],
      ['‘’', "'"], ['–—', '-']] AS fold
MATCH (n:Entity)
WITH fold, n, coalesce(n.aliases, []) AS aliases, coalesce(n.alias_sources, []) AS alias_sources
WITH fold, n, aliases,
     [{spelling: n.name, sources: coalesce(n.name_sources, [])}] +
     [i IN range(0, size(aliases) - 1) | {spelling: aliases[i], sources:
        CASE coalesce(alias_sources[i], '') WHEN '' THEN [] ELSE split(alias_sources[i], '; ') END}]
     AS spellings
WITH n, aliases, spellings, [s IN [$spelling] + [x IN spellings | x.spelling] |
       toLower(reduce(acc = s, pair IN fold | reduce(t = acc, i IN range(0, size(pair[0]) - 1) |
         replace(t, substring(pair[0], i, 1), pair[1]))))] AS folded
WITH n, aliases, [i IN range(1, size(folded) - 1) WHERE folded[i] = folded[0] | spellings[i - 1]]
     AS matches
WHERE size(matches) > 0
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, aliases,
       matches AS spellings
ORDER BY label, name
