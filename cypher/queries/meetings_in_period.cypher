// Meetings in a period, with their hosts and places
// Meetings, summits, talks and visits (kinds) whose dates may fall between from and to
// (ISO dates), in time order, with where they took place, who hosted them, who mediated,
// and who took part (attended or was a party).
// :param from => '1991-01-01'
// :param to => '2020-12-31'
// :param kinds => ['meeting', 'summit', 'talks', 'visit']
MATCH (e:Event)
WHERE e.kind IN $kinds AND (e.earliest IS NOT NULL OR e.latest IS NOT NULL)
  AND coalesce(e.earliest, $from) <= $to AND coalesce(e.latest, $to) >= $from
OPTIONAL MATCH (e)-[t:TOOK_PLACE_IN]->(place:Entity)
WITH e, place ORDER BY place.name
WITH e, collect(DISTINCT place.name) AS places
OPTIONAL MATCH (host:Entity)-[h:HOSTED]->(e)
WITH e, places, host ORDER BY host.name
WITH e, places, collect(DISTINCT host.name) AS hosts
OPTIONAL MATCH (mediator:Entity)-[m:MEDIATED]->(e)
WITH e, places, hosts, mediator ORDER BY mediator.name
WITH e, places, hosts, collect(DISTINCT mediator.name) AS mediators
OPTIONAL MATCH (who:Entity)-[w:ATTENDED|PARTY_TO]->(e)
WITH e, places, hosts, mediators, who ORDER BY who.name
WITH e, places, hosts, mediators, collect(DISTINCT who.name) AS participants
RETURN e.time AS time, e.name AS event, e.kind AS kind, places, hosts, mediators, participants
ORDER BY coalesce(e.earliest, e.latest), e.latest, event
