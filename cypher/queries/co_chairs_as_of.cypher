// Co-chairs of the Minsk Group on a given day
// Which states (and named envoys) co-chaired a format on a day (an ISO date), with every
// dated spell of the sources that covers that day. A spell covers the day when it may
// include it: an open end counts as still running, an unknown start as no limit. Undated
// claims are left out. Try day '1995-06-01' to see Sweden.
// :param day => '2011-06-24'
// :param format => 'minsk-group'
MATCH (c:Entity)-[r:CO_CHAIR_OF]->(f:Entity {id: $format})
WHERE (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND coalesce(r.earliest, $day) <= $day AND coalesce(r.latest, $day) >= $day
WITH c, f, r ORDER BY r.time
WITH c, f, collect(r.time) AS spells, collect(r.sources) AS source_lists
RETURN f.name AS format, c.name AS co_chair, [l IN labels(c) WHERE l <> 'Entity'][0] AS label,
       spells,
       reduce(acc = [], s IN source_lists | acc + [x IN s WHERE NOT x IN acc]) AS sources
ORDER BY label DESC, co_chair
