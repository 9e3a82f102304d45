// Documents adopted or issued by a body
// Resolutions, decisions, declarations and statements that a body or state adopted or
// issued (body, an entity id; null for every body), in time order: the document, its
// kind and status, and the sources.
// :param body => null
MATCH (o:Entity)-[r:ADOPTED]->(d:Agreement)
WHERE $body IS NULL OR o.id = $body
RETURN r.time AS time, o.name AS body, d.name AS document, d.kind AS kind, d.status AS status,
       r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), body, document
