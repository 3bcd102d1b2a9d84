// Publishing the merged graph into the store's graph_* tables, where the query API reads it. The graph is always
// the merge of every stored extraction by article id (cross-article resolution is global), so it is replaced whole,
// in one transaction: readers see the old graph or the new one, never half of each.
import type { GraphJson } from "../types.js";
import type { SqlExecutor, SqlValue } from "./sql.js";

/** The stored articles in one string: their count and the highest write number (changes on every add or remove). */
async function storedState(db: SqlExecutor): Promise<string> {
  const row = (await db.all<{ n: number; s: number }>("SELECT count(*) AS n, coalesce(max(seq), 0) AS s FROM articles"))[0];
  return `${row?.n ?? 0}:${row?.s ?? 0}`;
}

export async function graphState(db: SqlExecutor): Promise<{ stored: string; published: string | null }> {
  const published = (await db.all<{ value: string }>("SELECT value FROM graph_meta WHERE key = 'state'"))[0]?.value ?? null;
  return { stored: await storedState(db), published };
}

interface Transactional {
  transaction<T>(fn: (tx: SqlExecutor, lock: (names: string[]) => Promise<void>) => Promise<T>): Promise<T>;
}

export const GRAPH_TABLES = ["graph_meta", "graph_nodes", "graph_names", "graph_edges", "graph_edge_days", "graph_node_days", "graph_evidence", "graph_quotes"];

export async function publishGraph(db: Transactional, graph: GraphJson, state: string): Promise<void> {
  const dateOf = new Map(graph.attributes.articles.map((a) => [a.id, a.date]));
  const strength = new Map<string, number>();
  const degree = new Map<string, number>();
  const edges: SqlValue[][] = [];
  const evidence: SqlValue[][] = [];
  const edgeDays = new Map<string, number>();
  const nodeDays = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  for (const e of graph.edges) {
    const a = e.attributes;
    edges.push([e.key, e.source, e.target, a.relation, a.weight, a.cameo ?? null, a.rule]);
    for (const end of [e.source, e.target]) {
      bump(strength, end, a.weight);
      bump(degree, end);
    }
    for (const ev of a.evidence) {
      const day = dateOf.get(ev.document) ?? null;
      evidence.push([e.key, ev.document, ev.start, ev.end, ev.text, ev.quote ?? null, ev.rule, day]);
      if (day) {
        bump(edgeDays, `${e.key}\u0000${day}`);
        bump(nodeDays, `${e.source}\u0000${day}`);
        bump(nodeDays, `${e.target}\u0000${day}`);
      }
    }
  }
  const nodes: SqlValue[][] = [];
  const names: SqlValue[][] = [];
  const quotes: SqlValue[][] = [];
  for (const n of graph.nodes) {
    const a = n.attributes;
    nodes.push([n.key, a.label, a.kind, JSON.stringify(a.aliases), a.mentions, strength.get(n.key) ?? 0, degree.get(n.key) ?? 0]);
    for (const name of new Set([a.label, ...a.aliases])) names.push([n.key, name, a.label, a.kind, a.mentions]);
    for (const q of a.quotes) quotes.push([n.key, q.document, q.start, q.end, q.text, dateOf.get(q.document) ?? null]);
  }
  const split = (m: Map<string, number>) => [...m].map(([k, w]) => [...k.split("\u0000"), w] as SqlValue[]);
  await db.transaction(async (tx, lock) => {
    await lock(["publish"]);
    for (const t of GRAPH_TABLES) await tx.run(`DELETE FROM ${t}`);
    await tx.insertMany("graph_nodes", ["key", "label", "kind", "aliases", "mentions", "strength", "degree"], nodes);
    await tx.insertMany("graph_names", ["node", "name", "label", "kind", "mentions"], names);
    await tx.insertMany("graph_edges", ["key", "source", "target", "relation", "weight", "cameo", "rule"], edges);
    await tx.insertMany("graph_edge_days", ["edge", "day", "weight"], split(edgeDays));
    await tx.insertMany("graph_node_days", ["node", "day", "weight"], split(nodeDays));
    await tx.insertMany("graph_evidence", ["edge", "document", "span_start", "span_end", "text", "quote", "rule", "day"], evidence);
    await tx.insertMany("graph_quotes", ["node", "document", "span_start", "span_end", "text", "day"], quotes);
    await tx.insertMany("graph_meta", ["key", "value"], [["state", state]]);
  });
  // Outside the transaction: the replaced rows are dead tuples until vacuumed, and stale statistics mislead the planner.
  if ((db as Partial<SqlExecutor>).dialect === "postgres") await (db as unknown as SqlExecutor).run(`VACUUM ANALYZE ${GRAPH_TABLES.join(", ")}`);
}
