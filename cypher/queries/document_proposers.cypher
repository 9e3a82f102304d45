// Who proposed or initiated a document
// The actors that put forward (PROPOSED) or took the initiative for (INITIATED) one
// document (doc, an entity id), and when, with notes and sources. A document drafted in
// several rounds shows one row per dated round.
// :param doc => 'madrid-principles'
MATCH (s:Entity)-[r:PROPOSED|INITIATED]->(d:Entity {id: $doc})
RETURN d.name AS document, r.time AS time, s.name AS actor, type(r) AS act,
       r.confidence AS confidence, r.sources AS sources, r.note AS note
ORDER BY coalesce(r.earliest, r.latest, '9999'), r.latest, actor, act
