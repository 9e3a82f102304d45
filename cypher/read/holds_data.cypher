// Whether the store holds any dipgraph node (one row) or none (no row): a load into
// an empty store creates without looking anything up.
MATCH (n)
WHERE n:Entity OR n:Source
RETURN n.id AS id
LIMIT 1
