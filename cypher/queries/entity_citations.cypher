// The citations behind an entity
// Where the records of one entity (id) come from: one row per cited passage, with the
// source, its title, the locator and the span in the source's text, after the entity's
// label, name and time.
// :param id => 'kazan-summit-2011'
MATCH (n:Entity {id: $id})
UNWIND range(0, size(n.citations) - 1) AS i
WITH n, n.citations[i] AS citation, n.locators[i] AS locator
WITH n, citation, locator, split(citation, '@')[0] AS source_id,
     split(split(citation, '@')[1], '-') AS span
OPTIONAL MATCH (s:Source {id: source_id})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.time AS time,
       source_id AS source, s.title AS title, locator, toInteger(span[0]) AS start,
       toInteger(span[1]) AS end
ORDER BY source, start, end
