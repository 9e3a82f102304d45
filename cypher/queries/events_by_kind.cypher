// Events of given kinds in a period
// Events of the chosen kinds (kinds; the default picks the fighting: clashes, wars and
// incidents) whose dates may fall between from and to (ISO dates), in time order, with
// where they happened, the parties, and what they are part of.
// :param kinds => ['clash', 'war', 'incident']
// :param from => '1988-01-01'
// :param to => '2020-12-31'
MATCH (e:Event)
WHERE e.kind IN $kinds AND (e.earliest IS NOT NULL OR e.latest IS NOT NULL)
  AND coalesce(e.earliest, $from) <= $to AND coalesce(e.latest, $to) >= $from
OPTIONAL MATCH (e)-[t:TOOK_PLACE_IN]->(place:Entity)
WITH e, place ORDER BY place.name
WITH e, collect(DISTINCT place.name) AS places
OPTIONAL MATCH (party:Entity)-[p:PARTY_TO]->(e)
WITH e, places, party ORDER BY party.name
WITH e, places, collect(DISTINCT party.name) AS parties
OPTIONAL MATCH (e)-[w:PART_OF]->(whole:Entity)
WITH e, places, parties, whole ORDER BY whole.name
WITH e, places, parties, collect(DISTINCT whole.name) AS part_of
RETURN e.kind AS kind, e.time AS time, e.name AS event, places, parties, part_of
ORDER BY coalesce(e.earliest, e.latest), e.latest, event
