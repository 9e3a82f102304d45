// Who signed a document, when and where
// The signatories of one document (doc, an entity id): the person or state who signed,
// for whom, in what capacity, where and when, with the curator's note and the sources.
// Earliest signatures first.
// :param doc => 'bishkek-protocol'
MATCH (s:Entity)-[r:SIGNED]->(d:Agreement {id: $doc})
OPTIONAL MATCH (principal:Entity {id: r.on_behalf_of})
OPTIONAL MATCH (place:Place {id: r.place})
RETURN d.name AS document, r.time AS time, s.name AS signatory, principal.name AS on_behalf_of,
       r.role AS role, place.name AS place, r.sources AS sources, r.note AS note
ORDER BY coalesce(r.earliest, r.latest), r.latest, signatory, time
