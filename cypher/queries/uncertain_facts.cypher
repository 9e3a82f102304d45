// Facts held with medium or low confidence
// Relationships whose best claim the curators marked as less than certain (levels:
// medium, low), with the note that says why: usually an inference the text supports
// without stating it, or an allegation. Low confidence first.
// :param levels => ['medium', 'low']
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.confidence IN $levels
RETURN r.confidence AS confidence, type(r) AS relationship, a.name AS subject, b.name AS object,
       r.time AS time, r.sources AS sources, r.note AS note
ORDER BY CASE confidence WHEN 'low' THEN 0 ELSE 1 END, relationship, subject, object, time
