// --replace: the type and key of every relationship between entities, to find what
// the records dropped.
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, r.key AS key
