// Every actor's stance on a document
// All that the records say actors did about one document (doc, an entity id): proposing,
// mediating, supporting, accepting, signing, adopting, being party to or refusing it, in
// time order (undated facts last), with confidence and sources.
// :param doc => 'kazan-document'
MATCH (s:Entity)-[r]->(d:Agreement {id: $doc})
WHERE type(r) IN ['INITIATED', 'PROPOSED', 'MEDIATED', 'SUPPORTED', 'ACCEPTED', 'SIGNED',
                  'ADOPTED', 'PARTY_TO', 'REFUSED']
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
RETURN r.time AS time, s.name AS actor, type(r) AS stance, principal.name AS on_behalf_of,
       coalesce(r.role, r.kind) AS qualifier, r.confidence AS confidence, r.sources AS sources
ORDER BY coalesce(r.earliest, r.latest, '9999'), r.latest, stance, actor
