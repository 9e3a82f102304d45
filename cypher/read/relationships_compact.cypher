// Database -> NetworkX on FalkorDB: every relationship between entities in the
// server's compact encoding; its ends are internal node ids, mapped to dipgraph ids
// through nodes_compact.
MATCH (:Entity)-[r]->(:Entity)
RETURN r
