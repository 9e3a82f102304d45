// --replace: the id and labels of every entity, to find what the records dropped.
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels
