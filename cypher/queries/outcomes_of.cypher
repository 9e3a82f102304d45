// What came of an event, process or document
// The chain of results that starts from one event, process or document (id): what it
// resulted in, what that resulted in in turn, up to four steps, with the date of each
// outcome and the route that leads to it.
// :param id => 'budapest-summit-1994'
MATCH path = (origin:Entity {id: $id})-[:RESULTED_IN*1..4]->(x:Entity)
RETURN length(path) AS steps, x.name AS outcome,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS label, x.time AS time,
       [n IN nodes(path) | n.name] AS route
ORDER BY steps, coalesce(x.earliest, x.latest, '9999'), outcome
