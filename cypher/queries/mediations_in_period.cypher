// Mediations in a period
// Who mediated which meeting, talks, visit or document, and when. One row per mediation
// fact that may fall between from and to (ISO dates), with the state or body the
// mediator acted for, its role and the sources. Statements that an actor mediated the
// conflict as a whole are left out: mediation_by_year counts them.
// :param from => '1991-01-01'
// :param to => '2020-12-31'
MATCH (m:Entity)-[r:MEDIATED]->(x:Entity)
WHERE (x:Event OR x:Agreement)
  AND (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND coalesce(r.earliest, $from) <= $to AND coalesce(r.latest, $to) >= $from
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
RETURN r.time AS time, m.name AS mediator, principal.name AS on_behalf_of, r.role AS role,
       x.name AS mediated, [l IN labels(x) WHERE l <> 'Entity'][0] AS mediated_label,
       r.disputed AS disputed, r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest), r.latest, mediator, mediated, time
