// Shortest connection between two actors (portable)
// How two entities (from and to, entity ids; two people by default) are linked through
// the graph, ignoring the direction of relationships: every shortest chain of at most
// four steps, written as a route with each relationship's direction. Runs on any
// openCypher engine; shortest_connection_neo4j does the same with allShortestPaths and
// no four-step limit. No row means no chain of four steps or fewer.
// :param from => 'vladimir-kazimirov'
// :param to => 'nikol-pashinyan'
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = (a)-[*1..4]-(b)
WITH a, b, min(length(p)) AS hops
MATCH p = (a)-[*1..4]-(b)
WHERE length(p) = hops
WITH hops, nodes(p) AS ns, relationships(p) AS rs
RETURN DISTINCT hops,
       reduce(route = ns[0].name, i IN range(0, size(rs) - 1) |
              route + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -' + type(rs[i]) + '-> '
                           ELSE ' <-' + type(rs[i]) + '- ' END + ns[i + 1].name) AS route
ORDER BY route
