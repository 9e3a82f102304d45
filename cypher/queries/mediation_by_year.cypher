// Mediator activity per year
// For each calendar year between from_year and to_year, each mediator's mediation facts:
// their number, acts (mediating a named event or document), general (mediating the
// conflict or a war as a whole) and what they concern. A dated spell counts in every
// year it spans; an open end ('..') runs on to to_year, while an end the source leaves
// unknown (a bare '/') counts only in the year that is given. Undated facts are left
// out. Set acts_only to true to count only acts.
// :param from_year => 1991
// :param to_year => 2020
// :param acts_only => false
MATCH (m:Entity)-[r:MEDIATED]->(x:Entity)
WHERE (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND ($acts_only = false OR x:Agreement OR (x:Event AND NOT x.kind = 'war'))
WITH m, r, x, toInteger(substring(coalesce(r.earliest, r.latest), 0, 4)) AS first
WITH m, r, x, first,
     CASE WHEN r.latest IS NOT NULL THEN toInteger(substring(r.latest, 0, 4))
          WHEN r.time ENDS WITH '..' THEN $to_year ELSE first END AS last
UNWIND range(CASE WHEN first < $from_year THEN $from_year ELSE first END,
             CASE WHEN last > $to_year THEN $to_year ELSE last END) AS year
WITH year, m, r, x,
     CASE WHEN x:Agreement OR (x:Event AND NOT x.kind = 'war') THEN r.key END AS act,
     CASE WHEN x:Agreement OR (x:Event AND NOT x.kind = 'war') THEN null ELSE r.key END AS general
ORDER BY x.name
RETURN year, m.name AS mediator, count(DISTINCT r.key) AS facts, count(DISTINCT act) AS acts,
       count(DISTINCT general) AS general, collect(DISTINCT x.name) AS concerning
ORDER BY year, facts DESC, mediator
