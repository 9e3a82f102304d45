// --replace: delete relationships of a type outside the vocabulary (written by hand,
// not by dipgraph) by key. No index covers them: each key is a scan, so this serves
// only such strays.
UNWIND $keys AS key
MATCH (:Entity)-[r {key: key}]->(:Entity)
DELETE r
