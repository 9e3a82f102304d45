// The most corroborated facts
// Relationships that at least min_sources distinct sources assert, the best attested
// first: subject, relationship, object, time, how many sources and which.
// :param min_sources => 2
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.corroboration >= $min_sources
RETURN r.corroboration AS corroboration, a.name AS subject, type(r) AS relationship,
       b.name AS object, r.time AS time, r.sources AS sources
ORDER BY corroboration DESC, relationship, subject, object, time
