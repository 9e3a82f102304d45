// --replace: delete source documents by id (the unique Source.id).
UNWIND $ids AS id
MATCH (n:Source {id: id})
DETACH DELETE n
