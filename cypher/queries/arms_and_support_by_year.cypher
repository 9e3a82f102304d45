// Arms supplies and support, year by year
// Who supplied weapons to whom and who backed whom, for each calendar year between
// from_year and to_year: one row per fact and year, with the kind of support ('arms' for
// deliveries of weapons; military, diplomatic, political or economic backing), the
// confidence and the sources. A spell counts in every year it spans; an open end ('..')
// runs on to to_year, an unknown end only counts in the year given. Undated facts come
// last with no year. kinds selects what to show.
// :param kinds => ['arms', 'military']
// :param from_year => 1991
// :param to_year => 2020
MATCH (a:Entity)-[r:SUPPLIED_ARMS_TO|SUPPORTED]->(b:Entity)
WITH a, r, b, CASE WHEN type(r) = 'SUPPLIED_ARMS_TO' THEN 'arms' ELSE r.kind END AS kind
WHERE kind IN $kinds
WITH a, r, b, kind, toInteger(substring(coalesce(r.earliest, r.latest, '0'), 0, 4)) AS first
WITH a, r, b, kind, first,
     CASE WHEN r.latest IS NOT NULL THEN toInteger(substring(r.latest, 0, 4))
          WHEN r.time ENDS WITH '..' THEN $to_year ELSE first END AS last
UNWIND CASE WHEN r.time IS NULL THEN [null]
            ELSE range(CASE WHEN first < $from_year THEN $from_year ELSE first END,
                       CASE WHEN last > $to_year THEN $to_year ELSE last END) END AS year
RETURN year, a.name AS who, kind, b.name AS to_whom, r.time AS time,
       r.confidence AS confidence, r.sources AS sources, r.note AS note
ORDER BY coalesce(year, 9999), who, kind, to_whom, time
