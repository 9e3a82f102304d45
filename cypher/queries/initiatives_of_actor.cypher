// Initiatives and proposals of an actor
// What one state or body (actor, an entity id) initiated or proposed, by itself or
// through its organs (PART_OF it) or anyone a record says acted on its behalf, in time
// order with undated acts last: the act, what it concerned, who acted, and the sources.
// :param actor => 'russia'
MATCH (a:Entity {id: $actor})
MATCH (s:Entity)-[r:INITIATED|PROPOSED]->(x:Entity)
WHERE s = a OR r.on_behalf_of = $actor OR (s)-[:PART_OF]->(a)
RETURN r.time AS time, type(r) AS act, x.name AS concerning,
       CASE WHEN s = a THEN null ELSE s.name END AS through, r.confidence AS confidence,
       r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), act, concerning, through
