// Facts on which sources disagree
// Which facts do the sources date incompatibly, or give conflicting accounts of?
// One row per version: its time, the sources asserting it and their citations
// (source@start-end in the source's text), and the versions it conflicts with
// (subject, relationship, object and time). Relationships that last, such as offices
// held, are never date disputes: differing dates there are two moments of one spell.
// Conflicting accounts are those a curator marked with `contradicts:`.
// No parameters.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.disputed = true
OPTIONAL MATCH (c:Entity)-[o]->(d:Entity)
WHERE o.key IN r.contradicts
WITH a, r, b, o, c, d ORDER BY c.name, type(o), d.name, o.time
WITH a, r, b, collect(c.name + ' ' + type(o) + ' ' + d.name + ' (' + coalesce(o.time, 'no time') + ')') AS versions
RETURN a.name AS subject, type(r) AS relationship, b.name AS object,
       r.time AS time, r.sources AS sources, r.citations AS citations, versions AS conflicts_with
ORDER BY subject, relationship, object, time
