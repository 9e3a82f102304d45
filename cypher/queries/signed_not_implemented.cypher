// Agreements signed or agreed but never carried out
// Documents that someone signed, accepted or was party to, and that either carry a
// status saying they failed (not implemented, rejected, not adopted, superseded) or were
// refused by someone certainly after the first certain commitment. One row per document:
// its status, who committed and when, every refusal of it with its date, and which of
// the two signals applies.
// No parameters.
MATCH (c:Entity)-[k:SIGNED|ACCEPTED|PARTY_TO]->(d:Agreement)
WITH d, k, c ORDER BY coalesce(k.earliest, k.latest, '9999'), c.name, type(k)
WITH d, min(k.latest) AS first_certain,
     collect(c.name + ' (' + replace(toLower(type(k)), '_', ' ') + coalesce(', ' + k.time, '')
             + ')') AS committed
OPTIONAL MATCH (x:Entity)-[no:REFUSED]->(d)
WITH d, committed, first_certain, no, x ORDER BY coalesce(no.earliest, no.latest, '9999'), x.name
WITH d, committed, collect(x.name + coalesce(' (' + no.time + ')', '')) AS refusals,
     count(CASE WHEN no.earliest > first_certain THEN no.key END) AS refused_after,
     d.status IN ['not implemented', 'rejected', 'not adopted', 'superseded'] AS failed_status
WHERE failed_status OR refused_after > 0
RETURN d.name AS document, d.time AS date, d.kind AS kind, d.status AS status, committed,
       refusals,
       CASE WHEN failed_status AND refused_after > 0 THEN 'status and later refusal'
            WHEN failed_status THEN 'status' ELSE 'later refusal' END AS evidence
ORDER BY coalesce(d.earliest, d.latest, '9999'), document
