// Documents derived from a document
// The later documents that build on one document (doc, an entity id), following BASED_ON
// links forward: one row per chain of derivation, so a document reached by two routes
// appears twice, with the route. The default starts from the February 1994 Moscow
// protocol of the defense ministries.
// :param doc => 'moscow-protocol-1994'
MATCH path = (later:Agreement)-[:BASED_ON*1..10]->(d:Agreement {id: $doc})
WITH later, path, [n IN nodes(path) | n.name] AS route
RETURN length(path) AS steps, later.name AS document, later.time AS date, later.status AS status,
       route
ORDER BY steps, coalesce(later.earliest, later.latest, '9999'), document, size(route), route[1]
