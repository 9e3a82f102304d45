// --replace: delete entities by id (the unique Entity.id), with their relationships.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
