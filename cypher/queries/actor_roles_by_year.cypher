// An actor's roles, year by year
// What roles one state or body (actor, an entity id) played in each calendar year
// between from_year and to_year: mediator, co-chair, initiator, proposer, host,
// signatory, supporter, arms supplier, party and so on, counting its own acts, those of
// its organs (PART_OF it) and those a record says were done on its behalf. For each year
// and role: the number of facts, what they concern, and who acted for it. Years as in
// mediation_by_year: a spell counts in each year it spans, an open end runs on to
// to_year, an unknown end counts only in the year given; undated facts are left out.
// :param actor => 'russia'
// :param from_year => 1991
// :param to_year => 2020
MATCH (a:Entity {id: $actor})
MATCH (s:Entity)-[r]->(x:Entity)
WHERE (s = a OR r.on_behalf_of = $actor OR (s)-[:PART_OF]->(a))
  AND type(r) IN ['MEDIATED', 'CO_CHAIR_OF', 'INITIATED', 'PROPOSED', 'HOSTED', 'SIGNED',
                  'ACCEPTED', 'REFUSED', 'ADOPTED', 'SUPPORTED', 'SUPPLIED_ARMS_TO', 'URGED',
                  'ALLIED_WITH', 'MEMBER_OF', 'PARTY_TO', 'ATTENDED']
  AND (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
WITH a, s, r, x, toInteger(substring(coalesce(r.earliest, r.latest), 0, 4)) AS first
WITH a, s, r, x, first,
     CASE WHEN r.latest IS NOT NULL THEN toInteger(substring(r.latest, 0, 4))
          WHEN r.time ENDS WITH '..' THEN $to_year ELSE first END AS last
UNWIND range(CASE WHEN first < $from_year THEN $from_year ELSE first END,
             CASE WHEN last > $to_year THEN $to_year ELSE last END) AS year
WITH year, r, x, CASE WHEN s = a THEN null ELSE s.name END AS agent,
     CASE type(r)
       WHEN 'MEDIATED' THEN 'mediator' WHEN 'CO_CHAIR_OF' THEN 'co-chair'
       WHEN 'INITIATED' THEN 'initiator' WHEN 'PROPOSED' THEN 'proposer'
       WHEN 'HOSTED' THEN 'host' WHEN 'SIGNED' THEN 'signatory'
       WHEN 'ACCEPTED' THEN 'accepted' WHEN 'REFUSED' THEN 'refused'
       WHEN 'ADOPTED' THEN 'adopter' WHEN 'SUPPORTED' THEN 'supporter'
       WHEN 'SUPPLIED_ARMS_TO' THEN 'arms supplier' WHEN 'URGED' THEN 'urged others'
       WHEN 'ALLIED_WITH' THEN 'ally' WHEN 'MEMBER_OF' THEN 'member'
       WHEN 'PARTY_TO' THEN 'party' ELSE 'participant' END AS role
ORDER BY x.name, agent
RETURN year, role, count(DISTINCT r.key) AS facts, collect(DISTINCT x.name) AS concerning,
       collect(DISTINCT agent) AS through
ORDER BY year, facts DESC, role
