// Each source's version of a fact
// Every relationship between two entities (ids), one row per claim, side by side:
// the source, the date and note as that source gave them, and its citations. The merged
// relationship keeps the most precise compatible date; this shows who said what.
// The defaults ask about Serzh Sargsyan's presidency of Armenia, attested five times.
// :param subject => 'serzh-sargsyan'
// :param object => 'armenia'
MATCH (a:Entity {id: $subject})-[r]->(b:Entity {id: $object})
UNWIND range(0, size(r.claim_sources) - 1) AS i
RETURN type(r) AS relationship, r.time AS merged_time, r.claim_sources[i] AS source,
       r.claim_times[i] AS time, r.claim_notes[i] AS note, r.claim_citations[i] AS citations
ORDER BY relationship, merged_time, source, time, citations
