// Shortest connection between two actors (Neo4j)
// The same question as shortest_connection, answered with Neo4j's allShortestPaths:
// every shortest chain (up to ten steps) between two entities (from and to, entity ids),
// ignoring direction, written as a route with each relationship's direction. FalkorDB
// accepts shortest paths only in WITH or RETURN, and only directed ones.
// Neo4j only: shortestPath (allShortestPaths in MATCH, undirected)
// :param from => 'vladimir-kazimirov'
// :param to => 'nikol-pashinyan'
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..10]-(b))
WITH length(p) AS hops, nodes(p) AS ns, relationships(p) AS rs
RETURN DISTINCT hops,
       reduce(route = ns[0].name, i IN range(0, size(rs) - 1) |
              route + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -' + type(rs[i]) + '-> '
                           ELSE ' <-' + type(rs[i]) + '- ' END + ns[i + 1].name) AS route
ORDER BY route
