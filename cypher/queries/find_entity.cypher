// Find an entity by any spelling
// Entities whose id, name or any recorded alias contains the text (case-insensitive),
// with their label, kind, every spelling on record and the sources that name them.
// Accents are not folded: 'Lajcak' and 'Lajčák' are different texts, but curators record
// unaccented spellings as aliases.
// :param text => 'aliyev'
MATCH (n:Entity)
WHERE toLower(n.name) CONTAINS toLower($text) OR toLower(n.id) CONTAINS toLower($text)
   OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS toLower($text))
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
       coalesce(n.aliases, []) AS aliases, n.kind AS kind, n.time AS time, n.sources AS sources
ORDER BY label, name
