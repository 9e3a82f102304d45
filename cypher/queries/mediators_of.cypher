// Who mediated an event or a document
// The mediators of one event or document (target, an entity id) and of whatever resulted
// in it, such as the meeting that produced a protocol: who, for whom, in what role,
// when, and on which sources. Rows about the target itself come first.
// :param target => 'bishkek-protocol'
MATCH (x:Entity {id: $target})
OPTIONAL MATCH (origin:Entity)-[o:RESULTED_IN]->(x)
WITH x, collect(DISTINCT origin) AS origins
UNWIND [x] + origins AS item
MATCH (m:Entity)-[r:MEDIATED]->(item)
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
RETURN item.name AS mediated, m.name AS mediator, principal.name AS on_behalf_of,
       r.role AS role, r.time AS time, r.disputed AS disputed, r.sources AS sources
ORDER BY CASE WHEN item.id = $target THEN 0 ELSE 1 END, mediated,
         coalesce(r.earliest, r.latest, '9999'), mediator, time
