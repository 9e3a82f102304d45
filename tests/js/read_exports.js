// Read dipgraph's GEXF with graphology-gexf (Gephi Lite's reader) and its Cytoscape
// JSON with cytoscape.js, and print what they made of one node and one edge, as JSON.
// Usage: node read_exports.js GEXF CYTOSCAPE_JSON NODE_ID EDGE_KEY
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const cytoscape = require('cytoscape');

const [gexfPath, cytoscapePath, nodeId, edgeKey] = process.argv.slice(2);

const graph = gexf.parse(Graph, fs.readFileSync(gexfPath, 'utf8'));
const cy = cytoscape({ headless: true, elements: JSON.parse(fs.readFileSync(cytoscapePath, 'utf8')).elements });
const edge = cy.getElementById(edgeKey);

console.log(JSON.stringify({
  gexf: {
    nodes: graph.order,
    edges: graph.size,
    node: graph.getNodeAttributes(nodeId),
    edge: graph.hasEdge(edgeKey) ? graph.getEdgeAttributes(edgeKey) : null,
  },
  cytoscape: {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    node: cy.getElementById(nodeId).data(),
    edge: edge.length ? edge.data() : null,
  },
}));
