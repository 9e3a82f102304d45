// Find an entity by any spelling
// Entities whose id, name or any recorded alias contains the text, ignoring case and
// accents ('lajcak' finds Lajčák, 'JUPPÉ' finds Alain Juppe), with their label, kind,
// time and sources, and every spelling on record (the name first) with the sources that
// write it so (none: a curator's normalised spelling).
// The query folds accents itself, in the text and in every spelling, with the `fold`
// table (Latin-1, Latin Extended-A, Azerbaijani ə, Romanian ș ț; ß to ss, æ to ae, œ to
// oe; curly quotes and dashes to plain ones): plain Cypher for FalkorDB and Neo4j, no
// plugins, nothing stored at load time. Other letters (Cyrillic, Greek) match only as
// written, in any case.
// :param text => 'aliyev'
WITH [['ÀÁÂÃÄÅàáâãäåĀāĂăĄąƏə', 'a'], ['Ææ', 'ae'], ['ÇçĆćĈĉĊċČč', 'c'], ['ÐðĎďĐđ', 'd'],
      ['ÈÉÊËèéêëĒēĔĕĖėĘęĚě', 'e'], ['ĜĝĞğĠġĢģ', 'g'], ['ĤĥĦħ', 'h'],
      ['ÌÍÎÏìíîïĨĩĪīĬĭĮįİı', 'i'], ['Ĳĳ', 'ij'], ['Ĵĵ', 'j'], ['Ķķĸ', 'k'], ['ĹĺĻļĽľĿŀŁł', 'l'],
      ['ÑñŃńŅņŇňŉŊŋ', 'n'], ['ÒÓÔÕÖØòóôõöøŌōŎŏŐő', 'o'], ['Œœ', 'oe'], ['ŔŕŖŗŘř', 'r'],
      ['ŚśŜŝŞşŠšſȘș', 's'], ['ßẞ', 'ss'], ['ŢţŤťŦŧȚț', 't'], ['Þþ', 'th'],
      ['ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų', 'u'], ['Ŵŵ', 'w'], ['ÝýÿŶŷŸ', 'y'], ['ŹźŻżŽž', 'z'],
      ['‘’', "'"], ['–—', '-']] AS fold
MATCH (n:Entity)
WITH n, [s IN [$text, n.name] + coalesce(n.aliases, []) |
         toLower(reduce(acc = s, pair IN fold | reduce(t = acc, i IN range(0, size(pair[0]) - 1) |
           replace(t, substring(pair[0], i, 1), pair[1]))))] AS folded
WHERE toLower(n.id) CONTAINS folded[0] OR any(s IN folded[1..] WHERE s CONTAINS folded[0])
WITH n, coalesce(n.aliases, []) AS aliases, coalesce(n.alias_sources, []) AS alias_sources
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, aliases,
       n.kind AS kind, n.time AS time, n.sources AS sources,
       [{spelling: n.name, sources: coalesce(n.name_sources, [])}] +
       [i IN range(0, size(aliases) - 1) | {spelling: aliases[i], sources:
          CASE coalesce(alias_sources[i], '') WHEN '' THEN [] ELSE split(alias_sources[i], '; ') END}]
       AS spellings
ORDER BY label, name
