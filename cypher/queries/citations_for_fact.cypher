// The citations behind a fact, by subject, type and object
// Every version of one subject-relationship-object fact (entity ids and a relationship
// type) with each cited passage: the version's time, whether the sources date it
// incompatibly, the source, its locator and the span in the source's text. The default
// shows the three versions of Ilham Aliyev attending the Kazan summit.
// :param subject => 'ilham-aliyev'
// :param type => 'ATTENDED'
// :param object => 'kazan-summit-2011'
MATCH (a:Entity {id: $subject})-[r]->(b:Entity {id: $object})
WHERE type(r) = $type
UNWIND range(0, size(r.citations) - 1) AS i
WITH a, r, b, r.citations[i] AS citation, r.locators[i] AS locator
WITH a, r, b, citation, locator, split(split(citation, '@')[1], '-') AS span
RETURN r.time AS time, r.disputed AS disputed, r.corroboration AS corroboration,
       split(citation, '@')[0] AS source, locator, toInteger(span[0]) AS start,
       toInteger(span[1]) AS end, r.key AS key
ORDER BY coalesce(r.earliest, r.latest, '9999'), coalesce(r.latest, '9999'), time, source, start
