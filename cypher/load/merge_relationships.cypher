// Upsert relationships of one type on their stable key.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
SET r = row.props
