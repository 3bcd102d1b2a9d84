// GEXF 1.3 through graphology-gexf. GEXF attributes are scalars, so arrays and objects (aliases, documents,
// quotes, evidence, the article list) are written as JSON text; kind, relation and weight stay typed.
import Graph from "graphology";
import { write } from "graphology-gexf";
import type { EdgeAttributes, GraphJson, NodeAttributes } from "../types.js";
import { evidenceDocuments } from "./provenance.js";
import { stripInvalidXml as clean } from "./xml.js";

/** The flattened attributes a GEXF node carries besides its label and viz (x, y, size). */
export interface GexfNodeAttributes {
  [name: string]: string | number;
  kind: string;
  aliases: string;
  mentions: number;
  documents: string;
  quotes: string;
}

export interface GexfEdgeAttributes {
  [name: string]: string | number;
  relation: string;
  evidence: string;
  documents: string;
  rule: string;
}

export function flattenNode(attrs: NodeAttributes): GexfNodeAttributes {
  return {
    kind: attrs.kind,
    aliases: clean(JSON.stringify(attrs.aliases)),
    mentions: attrs.mentions,
    documents: clean(JSON.stringify(attrs.documents)),
    quotes: clean(JSON.stringify(attrs.quotes)),
  };
}

export function flattenEdge(attrs: EdgeAttributes): GexfEdgeAttributes {
  const flat: GexfEdgeAttributes = {
    relation: attrs.relation,
    evidence: clean(JSON.stringify(attrs.evidence)),
    documents: clean(JSON.stringify(evidenceDocuments(attrs))),
    rule: clean(attrs.rule),
  };
  if (attrs.cameo !== undefined) flat["cameo"] = clean(attrs.cameo);
  return flat;
}

/** Serializes a graph JSON as a GEXF 1.3 document (directed, with edge ids, weights and positions). */
export function toGexf(json: GraphJson): string {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: "directed", multi: true, allowSelfLoops: false });
  graph.replaceAttributes({
    creator: json.attributes.generator,
    description: `${json.attributes.generator} ${json.attributes.version} knowledge graph`,
    generator: json.attributes.generator,
    version: json.attributes.version,
    articles: clean(JSON.stringify(json.attributes.articles)),
  });
  for (const node of json.nodes) graph.addNode(clean(node.key), node.attributes);
  for (const edge of json.edges) {
    graph.addEdgeWithKey(clean(edge.key), clean(edge.source), clean(edge.target), edge.attributes);
  }
  return write<NodeAttributes, EdgeAttributes>(graph, {
    version: "1.3",
    formatNode: (_key, attrs) => ({
      label: clean(attrs.label),
      viz: { x: attrs.x, y: attrs.y, size: attrs.size },
      attributes: flattenNode(attrs),
    }),
    formatEdge: (_key, attrs) => ({
      label: attrs.relation,
      weight: attrs.weight,
      attributes: flattenEdge(attrs),
    }),
  });
}
