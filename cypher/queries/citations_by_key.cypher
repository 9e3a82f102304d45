// The citations behind a relationship, by its key
// Where one relationship (key, as stored on it and shown in exports) comes from: one row
// per cited passage, with the source's title, the human locator and the span as start
// and end character offsets in the source's text file. The default is Medvedev mediating
// the Kazan summit, which two sources assert.
// :param key => '77e162c6c572c45d'
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.key = $key
UNWIND range(0, size(r.citations) - 1) AS i
WITH a, r, b, r.citations[i] AS citation, r.locators[i] AS locator
WITH a, r, b, citation, locator, split(citation, '@')[0] AS source_id,
     split(split(citation, '@')[1], '-') AS span
OPTIONAL MATCH (s:Source {id: source_id})
RETURN a.name AS subject, type(r) AS relationship, b.name AS object, r.time AS time,
       source_id AS source, s.title AS title, locator, toInteger(span[0]) AS start,
       toInteger(span[1]) AS end
ORDER BY source, start, end
