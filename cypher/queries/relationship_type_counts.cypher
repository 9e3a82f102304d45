// Relationships by type
// How many relationships of each type the graph holds, and how many of them rest on a
// single source, are confirmed by several, are disputed, are undated, or carry medium or
// low confidence. Most frequent first.
// No parameters.
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS relationship, count(r) AS total,
       count(CASE WHEN r.corroboration = 1 THEN r.key END) AS single_source,
       count(CASE WHEN r.corroboration > 1 THEN r.key END) AS confirmed,
       count(CASE WHEN r.disputed THEN r.key END) AS disputed,
       count(CASE WHEN r.earliest IS NULL AND r.latest IS NULL THEN r.key END) AS undated,
       count(CASE WHEN r.confidence IN ['medium', 'low'] THEN r.key END) AS uncertain
ORDER BY total DESC, relationship
