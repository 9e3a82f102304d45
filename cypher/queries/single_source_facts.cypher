// Facts asserted by only one source
// Relationships that a single source asserts and no other confirms (corroboration 1),
// for one source (source, a source id) and optionally one relationship type (type; null
// for all), with their citations (source@start-end in the source's text) and locators,
// so they can be checked against the document.
// :param source => 'karavayev-2016'
// :param type => null
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.corroboration = 1 AND $source IN r.sources AND ($type IS NULL OR type(r) = $type)
RETURN type(r) AS relationship, a.name AS subject, b.name AS object, r.time AS time,
       r.citations AS citations, r.locators AS locators
ORDER BY relationship, subject, object, coalesce(r.earliest, r.latest, '9999'), time
