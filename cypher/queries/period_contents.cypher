// What happened in a named period
// The events, documents and formats that one named period (period, an entity id such as
// a phase of the Minsk Group) contains: those a source places in it (PART_OF), and those
// whose dates fall wholly within its bounds. The column how says which.
// :param period => 'minsk-group-second-phase'
MATCH (p:Period {id: $period})
MATCH (x:Entity)
WHERE x:Event OR x:Agreement OR x:Format
OPTIONAL MATCH (x)-[placed:PART_OF]->(p)
WITH p, x, count(placed) AS placements
WHERE placements > 0
   OR (x.earliest IS NOT NULL AND x.latest IS NOT NULL
       AND x.earliest >= p.earliest AND x.latest <= p.latest)
RETURN x.time AS time, x.name AS name, [l IN labels(x) WHERE l <> 'Entity'][0] AS label,
       x.kind AS kind,
       CASE WHEN placements > 0 THEN 'placed in it by a source' ELSE 'dated within it' END AS how
ORDER BY coalesce(x.earliest, x.latest, '9999'), name
