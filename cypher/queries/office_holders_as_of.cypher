// Who held an office on a given day
// The people recorded as holding an office (title, case-insensitive; null for any title)
// in the given states or bodies (ids) on a day, with the dated spells that may cover it
// and their sources. The defaults ask for the presidents of Armenia and Azerbaijan on
// the day of the Kazan summit. Undated claims are left out; a spell whose end is unknown
// counts up to the last day the records attest; and a spell with no recorded end stops
// counting once the records show someone else taking the same title in the same body
// later (on or before the day).
// :param day => '2011-06-24'
// :param bodies => ['armenia', 'azerbaijan']
// :param title => 'President'
MATCH (p:Person)-[r:HELD_POSITION]->(o:Entity)
WHERE o.id IN $bodies
  AND ($title IS NULL OR toLower(r.title) = toLower($title))
  AND (r.earliest IS NOT NULL OR r.latest IS NOT NULL)
  AND coalesce(r.earliest, $day) <= $day AND coalesce(r.latest, r.last_attested, $day) >= $day
OPTIONAL MATCH (other:Person)-[later:HELD_POSITION]->(o)
WHERE r.latest IS NULL AND other <> p AND toLower(later.title) = toLower(r.title)
  AND later.earliest > coalesce(r.earliest, '0000') AND later.earliest <= $day
WITH p, o, r, count(later) AS successors
WHERE successors = 0
WITH p, o, r ORDER BY r.time
WITH p, o, r.title AS title, collect(r.time) AS spells, collect(r.sources) AS source_lists
RETURN o.name AS body, title, p.name AS holder, spells,
       reduce(acc = [], s IN source_lists | acc + [x IN s WHERE NOT x IN acc]) AS sources
ORDER BY body, title, holder
