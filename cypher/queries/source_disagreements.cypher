// Facts on which sources disagree
// Which subject-relationship-object facts do the sources date incompatibly?
// One row per version: its time, the sources asserting it and their citations
// (source@start-end in the source's text). Relationships that last, such as
// offices held, are never disputes: differing dates there are two moments of one spell.
// No parameters.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.disputed = true
RETURN a.name AS subject, type(r) AS relationship, b.name AS object,
       r.time AS time, r.sources AS sources, r.citations AS citations
ORDER BY subject, relationship, object, time
