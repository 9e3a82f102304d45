// How many nodes and relationships dipgraph has in the database.
MATCH (n)
WHERE n:Entity OR n:Source
OPTIONAL MATCH (n)-[r]->()
RETURN count(DISTINCT n) AS nodes, count(r) AS relationships
