// Upsert relationships of one type on their stable key; each row is
// [source id, target id, property map].
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
MERGE (a)-[r:__TYPE__ {key: row[2].key}]->(b)
SET r = row[2]
