// Every dipgraph node with its labels and properties (database -> NetworkX).
MATCH (n)
WHERE n:Entity OR n:Source
RETURN labels(n) AS labels, properties(n) AS props
