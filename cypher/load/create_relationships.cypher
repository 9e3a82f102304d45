// Create relationships of one type that the store does not hold yet; each row is
// [source id, target id, property map]. Both ends are found on the unique Entity.id.
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row[2]
