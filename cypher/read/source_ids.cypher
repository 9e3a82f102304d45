// --replace: the id of every source document, to find what the records dropped.
MATCH (n:Source)
RETURN n.id AS id
