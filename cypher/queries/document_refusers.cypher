// Who refused a document
// Everyone recorded as refusing to sign, accept or endorse one document (doc, an entity
// id), for whom and when, with the note that explains the refusal and the sources.
// :param doc => 'kazan-document'
MATCH (s:Entity)-[r:REFUSED]->(d:Entity {id: $doc})
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
RETURN d.name AS document, r.time AS time, s.name AS refused_by, principal.name AS on_behalf_of,
       r.confidence AS confidence, r.sources AS sources, r.note AS note
ORDER BY coalesce(r.earliest, r.latest, '9999'), refused_by, time
