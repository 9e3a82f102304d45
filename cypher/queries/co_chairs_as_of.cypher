// Co-chairs of the Minsk Group on a given day
// Which states (and named envoys) co-chaired a format on a day (an ISO date): the format
// is the co-chairmanship itself or the group it is part of. Each co-chair's spell runs
// from the first attestation to the last: an open end (..) counts as still running, an
// unknown end only up to the last day the records attest, an unknown start as no
// limit; for an envoy, the state he co-chaired for. Undated claims are left out. Try
// day '1994-12-15' to see Sweden.
// :param day => '2011-06-24'
// :param format => 'minsk-group'
MATCH (c:Entity)-[r:CO_CHAIR_OF]->(f:Entity)
OPTIONAL MATCH (f)-[:PART_OF]->(g:Entity {id: $format})
WITH c, r, f, g
WHERE (f.id = $format OR g IS NOT NULL)
  AND (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND coalesce(r.earliest, $day) <= $day AND coalesce(r.latest, r.last_attested, $day) >= $day
RETURN f.name AS format, c.name AS co_chair, [l IN labels(c) WHERE l <> 'Entity'][0] AS label,
       r.on_behalf_of AS on_behalf_of, r.time AS spell, r.claim_times AS attested,
       r.sources AS sources
ORDER BY label DESC, co_chair
