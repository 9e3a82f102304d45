// Who urged whom to do what
// Public calls on an actor to act that may fall within a period (from and to, ISO
// dates), in time order: who urged whom, the action asked for, and the sources. Undated
// calls are left out.
// :param from => '1988-01-01'
// :param to => '2020-12-31'
MATCH (a:Entity)-[r:URGED]->(b:Entity)
WHERE (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND coalesce(r.earliest, $from) <= $to AND coalesce(r.latest, $to) >= $from
RETURN r.time AS time, a.name AS who, b.name AS urged, r.action AS action, r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), r.latest, who, urged, action
