// GraphML 1.0 written by hand: typed <key> declarations, a directed graph with edge ids, and graph-level
// data for the article list. Arrays and objects (aliases, quotes, evidence, articles) are JSON text.
// The schema types node and edge ids as xs:NMTOKEN, which newsgraph keys ("organization:at&t",
// "a|said|b") are not, so elements get ids n0, n1, ... / e0, e1, ... and carry the graph key as `key` data.
import type { GraphJson } from "../types.js";
import { evidenceDocuments } from "./provenance.js";
import { escapeXml } from "./xml.js";

type KeyFor = "graph" | "node" | "edge";
type KeyType = "string" | "int" | "long" | "double" | "boolean";

interface KeyDef {
  id: string;
  for: KeyFor;
  name: string;
  type: KeyType;
}

const GRAPHML_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';

/** `int` when every value is a 32-bit integer, `long` past that, else `double`. */
function numberType(values: Iterable<number>): KeyType {
  let type: KeyType = "int";
  for (const v of values) {
    if (!Number.isInteger(v)) return "double";
    if (Math.abs(v) > 0x7fffffff) type = "long";
  }
  return type;
}

/** Decimal text for a number in GraphML (xs:double has no NaN/Infinity spelling we want to emit). */
function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`graphml: cannot write the non-finite number ${v}; fix the layout first`);
  return String(v);
}

function data(key: string, value: string): string {
  return `<data key="${escapeXml(key)}">${escapeXml(value)}</data>`;
}

/** Serializes a graph JSON as a GraphML 1.0 document. */
export function toGraphml(json: GraphJson): string {
  return [...graphmlChunks(json)].join("");
}

/** The GraphML document in pieces (one per line), so a large graph can be streamed to a file. */
export function* graphmlChunks(json: GraphJson): Generator<string> {
  const keys: KeyDef[] = [
    { id: "g_generator", for: "graph", name: "generator", type: "string" },
    { id: "g_version", for: "graph", name: "version", type: "string" },
    { id: "g_articles", for: "graph", name: "articles", type: "string" },
    { id: "n_key", for: "node", name: "key", type: "string" },
    { id: "n_label", for: "node", name: "label", type: "string" },
    { id: "n_kind", for: "node", name: "kind", type: "string" },
    { id: "n_aliases", for: "node", name: "aliases", type: "string" },
    { id: "n_mentions", for: "node", name: "mentions", type: numberType(json.nodes.map((n) => n.attributes.mentions)) },
    { id: "n_documents", for: "node", name: "documents", type: "string" },
    { id: "n_quotes", for: "node", name: "quotes", type: "string" },
    { id: "n_x", for: "node", name: "x", type: "double" },
    { id: "n_y", for: "node", name: "y", type: "double" },
    { id: "n_size", for: "node", name: "size", type: "double" },
    { id: "e_key", for: "edge", name: "key", type: "string" },
    { id: "e_relation", for: "edge", name: "relation", type: "string" },
    { id: "e_weight", for: "edge", name: "weight", type: numberType(json.edges.map((e) => e.attributes.weight)) },
    { id: "e_evidence", for: "edge", name: "evidence", type: "string" },
    { id: "e_documents", for: "edge", name: "documents", type: "string" },
    { id: "e_cameo", for: "edge", name: "cameo", type: "string" },
    { id: "e_rule", for: "edge", name: "rule", type: "string" },
  ];

  yield GRAPHML_HEADER;
  for (const k of keys) {
    yield (
      `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>\n`
    );
  }
  const g = json.attributes;
  yield '  <graph id="newsgraph" edgedefault="directed">\n';
  yield `    ${data("g_generator", g.generator)}\n`;
  yield `    ${data("g_version", g.version)}\n`;
  yield `    ${data("g_articles", JSON.stringify(g.articles))}\n`;

  const nodeIds = new Map<string, string>();
  for (const [i, { key, attributes: a }] of json.nodes.entries()) {
    const id = `n${i}`;
    nodeIds.set(key, id);
    yield (
      `    <node id="${id}">` +
        data("n_key", key) +
        data("n_label", a.label) +
        data("n_kind", a.kind) +
        data("n_aliases", JSON.stringify(a.aliases)) +
        data("n_mentions", numberText(a.mentions)) +
        data("n_documents", JSON.stringify(a.documents)) +
        data("n_quotes", JSON.stringify(a.quotes)) +
        data("n_x", numberText(a.x)) +
        data("n_y", numberText(a.y)) +
        data("n_size", numberText(a.size)) +
        "</node>\n"
    );
  }
  const nodeId = (key: string): string => {
    const id = nodeIds.get(key);
    if (id === undefined) throw new Error(`graphml: an edge names the node "${key}", which the graph does not have`);
    return id;
  };
  for (const [i, { key, source, target, attributes: a }] of json.edges.entries()) {
    yield (
      `    <edge id="e${i}" source="${nodeId(source)}" target="${nodeId(target)}">` +
        data("e_key", key) +
        data("e_relation", a.relation) +
        data("e_weight", numberText(a.weight)) +
        data("e_evidence", JSON.stringify(a.evidence)) +
        data("e_documents", JSON.stringify(evidenceDocuments(a))) +
        (a.cameo === undefined ? "" : data("e_cameo", a.cameo)) +
        data("e_rule", a.rule) +
        "</edge>\n"
    );
  }
  yield "  </graph>\n</graphml>\n";
}
