// FalkorDB schema for the embedded engine: the same keys as schema.cypher.
// Unique constraints on these indexed keys are added with GRAPH.CONSTRAINT.
CREATE INDEX FOR (n:Entity) ON (n.id);
CREATE INDEX FOR (n:Source) ON (n.id);
CREATE INDEX FOR (n:Entity) ON (n.name);
CREATE INDEX FOR ()-[r:MEDIATED]-() ON (r.key);
CREATE INDEX FOR ()-[r:PARTY_TO]-() ON (r.key);
CREATE INDEX FOR ()-[r:INITIATED]-() ON (r.key);
CREATE INDEX FOR ()-[r:HOSTED]-() ON (r.key);
CREATE INDEX FOR ()-[r:ATTENDED]-() ON (r.key);
CREATE INDEX FOR ()-[r:SIGNED]-() ON (r.key);
CREATE INDEX FOR ()-[r:REFUSED]-() ON (r.key);
CREATE INDEX FOR ()-[r:ACCEPTED]-() ON (r.key);
CREATE INDEX FOR ()-[r:ADOPTED]-() ON (r.key);
CREATE INDEX FOR ()-[r:PROPOSED]-() ON (r.key);
CREATE INDEX FOR ()-[r:RESULTED_IN]-() ON (r.key);
CREATE INDEX FOR ()-[r:BASED_ON]-() ON (r.key);
CREATE INDEX FOR ()-[r:MEMBER_OF]-() ON (r.key);
CREATE INDEX FOR ()-[r:CO_CHAIR_OF]-() ON (r.key);
CREATE INDEX FOR ()-[r:HELD_POSITION]-() ON (r.key);
CREATE INDEX FOR ()-[r:PART_OF]-() ON (r.key);
CREATE INDEX FOR ()-[r:TOOK_PLACE_IN]-() ON (r.key);
CREATE INDEX FOR ()-[r:SUPPORTED]-() ON (r.key);
CREATE INDEX FOR ()-[r:SUPPLIED_ARMS_TO]-() ON (r.key);
CREATE INDEX FOR ()-[r:ALLIED_WITH]-() ON (r.key);
CREATE INDEX FOR ()-[r:URGED]-() ON (r.key);
