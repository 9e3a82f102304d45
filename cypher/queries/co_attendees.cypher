// Who met whom: co-participants of a person
// The people, states and bodies that attended, or were parties to, the same events as
// one person (person, an entity id): how many events they shared, which, and the
// earliest and latest dates they span.
// :param person => 'serzh-sargsyan'
MATCH (p:Entity {id: $person})-[a:ATTENDED|PARTY_TO]->(e:Event)
MATCH (e)<-[b:ATTENDED|PARTY_TO]-(other:Entity)
WHERE other <> p
WITH other, e ORDER BY coalesce(e.earliest, e.latest, '9999'), e.name
WITH other, collect(DISTINCT e.name) AS events, min(e.earliest) AS earliest,
     max(e.latest) AS latest
RETURN other.name AS co_participant, [l IN labels(other) WHERE l <> 'Entity'][0] AS label,
       size(events) AS shared, events, earliest, latest
ORDER BY shared DESC, co_participant
