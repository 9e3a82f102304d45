// An actor's ego network in a period
// The entities directly linked to one actor (actor, an entity id) by facts that may fall
// between from and to (ISO dates): each neighbour with its label, the kinds of link (an
// arrow shows the direction from the actor's side), the number of facts and their times,
// earliest first. Undated facts are left out.
// :param actor => 'russia'
// :param from => '2011-01-01'
// :param to => '2011-12-31'
MATCH (a:Entity {id: $actor})-[r]-(n:Entity)
WHERE (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND coalesce(r.earliest, $from) <= $to AND coalesce(r.latest, $to) >= $from
WITH n, r, CASE WHEN startNode(r) = a THEN type(r) + ' ->' ELSE '<- ' + type(r) END AS link
ORDER BY coalesce(r.earliest, r.latest, '9999'), r.time, link
WITH n, collect(DISTINCT link) AS links, count(DISTINCT r.key) AS facts,
     collect(r.time) AS times
RETURN n.name AS neighbour, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, links, facts,
       times
ORDER BY facts DESC, neighbour
