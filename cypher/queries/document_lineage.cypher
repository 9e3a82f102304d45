// The lineage of a document
// The earlier documents one document (doc, an entity id) derives from, following
// BASED_ON links back as far as they go: each ancestor with the number of steps back,
// the chain of documents that leads to it, and the sources and curator's note of the
// last link. The default traces the Kazan document back through the Madrid Principles.
// :param doc => 'kazan-document'
MATCH path = (d:Agreement {id: $doc})-[:BASED_ON*1..10]->(a:Agreement)
WITH d, a, path, relationships(path) AS links
RETURN length(path) AS steps_back, a.name AS ancestor, a.time AS date, a.status AS status,
       [n IN nodes(path) | n.name] AS chain, links[size(links) - 1].sources AS link_sources,
       links[size(links) - 1].confidence AS link_confidence,
       links[size(links) - 1].note AS link_note
ORDER BY steps_back, coalesce(a.earliest, a.latest, '9999'), ancestor
