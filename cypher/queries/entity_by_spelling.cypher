// Which entity a spelling names
// The entities whose name or one of whose aliases is exactly the given spelling
// (case-insensitive), such as a transliteration found in a new document. More than one
// row means the spelling is ambiguous (a bare surname, for instance).
// :param spelling => 'Guliev'
MATCH (n:Entity)
WHERE toLower(n.name) = toLower($spelling)
   OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) = toLower($spelling))
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
       coalesce(n.aliases, []) AS aliases
ORDER BY label, name
