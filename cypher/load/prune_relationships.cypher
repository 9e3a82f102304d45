// --replace: remove relationships between entities that the dataset no longer has.
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.key IN $keys
DELETE r
