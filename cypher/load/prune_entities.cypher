// --replace: remove entities the dataset no longer has (any label).
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n
