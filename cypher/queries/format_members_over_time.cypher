// Members of a format over time
// Who belonged to, co-chaired or held a post in one format or body (format, an entity
// id), or in a format that is part of it (the Minsk Group's co-chairmanship), in time
// order with undated facts last: the member, how (membership, co-chairmanship or the
// title held), where, when, and the sources.
// :param format => 'minsk-group'
MATCH (m:Entity)-[r:MEMBER_OF|CO_CHAIR_OF|HELD_POSITION]->(f:Entity)
OPTIONAL MATCH (f)-[:PART_OF]->(g:Entity {id: $format})
WITH m, r, f, g
WHERE f.id = $format OR (g IS NOT NULL AND type(r) = 'CO_CHAIR_OF')
RETURN m.name AS member, [l IN labels(m) WHERE l <> 'Entity'][0] AS label,
       CASE type(r) WHEN 'MEMBER_OF' THEN 'member' WHEN 'CO_CHAIR_OF' THEN 'co-chair'
            ELSE r.title END AS role, f.name AS `in`, r.time AS time, r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), coalesce(r.latest, '9999'), member, role
