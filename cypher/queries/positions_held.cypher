// Positions a person held
// Every office one person (person, an entity id) is recorded as holding, in time order:
// the title, the state or body, the dates each source gives, and the sources.
// :param person => 'vladimir-kazimirov'
MATCH (p:Person {id: $person})-[r:HELD_POSITION]->(o:Entity)
RETURN p.name AS person, r.title AS title, o.name AS body, r.time AS time, r.sources AS sources,
       r.note AS note
ORDER BY coalesce(r.earliest, r.latest, '9999'), coalesce(r.latest, '9999'), title, body
