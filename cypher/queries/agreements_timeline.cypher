// Documents in time order, with who signed and who refused them
// Every document (agreement, protocol, statement, plan, resolution, ...) dated between
// from and to (ISO dates; it may fall in the period), in time order: its kind and
// status, who proposed it, who signed it and who refused it.
// :param from => '1991-01-01'
// :param to => '2020-12-31'
MATCH (d:Agreement)
WHERE (d.earliest IS NOT NULL OR d.latest IS NOT NULL)
  AND coalesce(d.earliest, $from) <= $to AND coalesce(d.latest, $to) >= $from
OPTIONAL MATCH (p:Entity)-[pr:PROPOSED]->(d)
WITH d, p ORDER BY p.name
WITH d, collect(DISTINCT p.name) AS proposed_by
OPTIONAL MATCH (s:Entity)-[sg:SIGNED]->(d)
WITH d, proposed_by, s ORDER BY s.name
WITH d, proposed_by, collect(DISTINCT s.name) AS signed_by
OPTIONAL MATCH (x:Entity)-[rf:REFUSED]->(d)
WITH d, proposed_by, signed_by, x ORDER BY x.name
WITH d, proposed_by, signed_by, collect(DISTINCT x.name) AS refused_by
RETURN d.time AS time, d.name AS document, d.kind AS kind, d.status AS status, proposed_by,
       signed_by, refused_by
ORDER BY coalesce(d.earliest, d.latest), d.latest, document
