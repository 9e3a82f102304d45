// Facts per source
// For each source document: its title, how many relationships cite it, how many of those
// it alone asserts, how many other sources confirm, how many are disputed, and how many
// entities cite it.
// No parameters.
MATCH (s:Source)
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
WHERE s.id IN r.sources
WITH s, count(r) AS relationships,
     count(CASE WHEN r.corroboration = 1 THEN r.key END) AS alone,
     count(CASE WHEN r.corroboration > 1 THEN r.key END) AS confirmed,
     count(CASE WHEN r.disputed THEN r.key END) AS disputed
OPTIONAL MATCH (n:Entity)
WHERE s.id IN n.sources
RETURN s.id AS source, s.title AS title, relationships, alone, confirmed, disputed,
       count(n) AS entities
ORDER BY source
