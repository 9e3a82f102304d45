// Members of a format over time
// Who belonged to, co-chaired or held a post in one format or body (format, an entity
// id), in time order with undated facts last: the member, how (membership,
// co-chairmanship or the title held), when, and the sources.
// :param format => 'minsk-group'
MATCH (m:Entity)-[r:MEMBER_OF|CO_CHAIR_OF|HELD_POSITION]->(f:Entity {id: $format})
RETURN m.name AS member, [l IN labels(m) WHERE l <> 'Entity'][0] AS label,
       CASE type(r) WHEN 'MEMBER_OF' THEN 'member' WHEN 'CO_CHAIR_OF' THEN 'co-chair'
            ELSE r.title END AS role, r.time AS time, r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), coalesce(r.latest, '9999'), member, role
