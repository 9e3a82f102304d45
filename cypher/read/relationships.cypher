// Every relationship between entities (database -> NetworkX).
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
