// Database -> NetworkX on FalkorDB: every dipgraph node in the server's compact
// encoding (labels and property names as numeric ids the client maps once), which
// costs the client far less to parse than a map per node.
MATCH (n)
WHERE n:Entity OR n:Source
RETURN n
