// Who took part in an event, and how
// Everyone recorded around one event (event, an entity id): who attended, was a party,
// mediated, hosted, initiated or proposed it, for whom and in what role, when, whether
// the sources disagree on the date, and the sources.
// :param event => 'kazan-summit-2011'
MATCH (who:Entity)-[r]->(e:Event {id: $event})
WHERE type(r) IN ['ATTENDED', 'PARTY_TO', 'MEDIATED', 'HOSTED', 'INITIATED', 'PROPOSED']
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
RETURN e.name AS event, who.name AS participant, type(r) AS part, principal.name AS on_behalf_of,
       r.role AS role, r.time AS time, r.disputed AS disputed, r.sources AS sources
ORDER BY part, participant, coalesce(r.earliest, r.latest, '9999'), time
