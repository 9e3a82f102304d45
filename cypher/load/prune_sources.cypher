// --replace: remove source documents the dataset no longer has.
MATCH (n:Source)
WHERE NOT n.id IN $ids
DETACH DELETE n
