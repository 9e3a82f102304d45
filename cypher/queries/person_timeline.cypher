// Everything a person did, in time order
// Every relationship of one person (person, an entity id), as subject or object, in time
// order with undated facts last: what the relationship is, the other side, its qualifier
// (title, role, action or kind), whom the person acted for, and the sources.
// :param person => 'vladimir-kazimirov'
MATCH (p:Person {id: $person})-[r]-(x:Entity)
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
RETURN r.time AS time,
       CASE WHEN startNode(r) = p THEN type(r) ELSE 'is object of ' + type(r) END AS relationship,
       x.name AS other, coalesce(r.title, r.role, r.action, r.kind) AS qualifier,
       principal.name AS on_behalf_of, r.disputed AS disputed, r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), coalesce(r.latest, '9999'), relationship, other,
         time
