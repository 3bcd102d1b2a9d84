// Queries over the published graph (graph_* tables), for the explorer's API. Every value is a parameter; lists are
// expanded into as many `?` as they have items. Top-N queries read the (node, weight) indexes; search uses the
// database's own text index (SQLite FTS5 trigram; PostgreSQL pg_trgm).
import type {
  ApiEdge, ApiNode, EntityKind, EvidenceRow, FocusGraph, NeighbourhoodQuery, Page, QuoteRow, Relation, SearchHit, StoreInfo, TopQuery,
} from "../types.js";
import type { SqlExecutor, SqlValue } from "./sql.js";

export interface GraphQuery {
  info(): Promise<StoreInfo>;
  /** Entities whose label or an alias contains `text` (case-insensitive), exact and prefix matches first. */
  search(text: string, limit: number): Promise<SearchHit[]>;
  /** The most connected entities (in the window), with the edges among them. */
  top(q: TopQuery): Promise<FocusGraph>;
  /** An entity's strongest edges, 1 or 2 hops out, filtered by relation, neighbour kind and date window. */
  neighbourhood(q: NeighbourhoodQuery): Promise<FocusGraph>;
  entity(key: string): Promise<ApiNode | undefined>;
  /** Evidence sentences of an entity's edges, by document and offset. */
  evidence(key: string, offset: number, limit: number): Promise<Page<EvidenceRow>>;
  /** Evidence sentences of one edge. */
  edgeEvidence(edge: string, offset: number, limit: number): Promise<Page<EvidenceRow>>;
  /** Quotations attributed to an entity. */
  quotes(key: string, offset: number, limit: number): Promise<Page<QuoteRow>>;
}

interface NodeRow {
  key: string;
  label: string;
  kind: string;
  aliases: string;
  mentions: number;
  strength: number;
}
interface EdgeRow {
  key: string;
  source: string;
  target: string;
  relation: string;
  weight: number;
  cameo: string | null;
}

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
const toNode = (r: NodeRow, strength = r.strength): ApiNode => ({
  key: r.key, label: r.label, kind: r.kind as EntityKind, aliases: JSON.parse(r.aliases) as string[], mentions: Number(r.mentions), strength: Number(strength),
});
const toEdge = (r: EdgeRow): ApiEdge => ({
  key: r.key, source: r.source, target: r.target, relation: r.relation as Relation, weight: Number(r.weight), ...(r.cameo ? { cameo: r.cameo } : {}),
});
/** `%`, `_` and the escape character itself, escaped for LIKE ... ESCAPE '\'. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const NODE_COLUMNS = "key, label, kind, aliases, mentions, strength";
const EVIDENCE_COLUMNS =
  "ev.edge, ev.document, ev.span_start, ev.span_end, ev.text, ev.quote, ev.rule, ev.day, e.relation, e.source, e.target";

/** An entity's edges (no self-loops, so no edge twice), materialised so the evidence is read edge by edge. */
const EDGES_OF =
  "WITH e AS MATERIALIZED (SELECT key, relation, source, target FROM graph_edges WHERE source = ? " +
  "UNION ALL SELECT key, relation, source, target FROM graph_edges WHERE target = ?)";

interface EvidenceDbRow {
  edge: string; document: string; span_start: number; span_end: number; text: string; quote: string | null; rule: string;
  day: string | null; relation: string; source: string; target: string;
}
const toEvidence = (r: EvidenceDbRow): EvidenceRow => ({
  edge: r.edge, document: r.document, start: Number(r.span_start), end: Number(r.span_end), text: r.text, ...(r.quote ? { quote: r.quote } : {}),
  rule: r.rule, date: r.day, relation: r.relation as Relation, source: r.source, target: r.target,
});

export function sqlQuery(db: SqlExecutor): GraphQuery {
  async function nodes(keys: readonly string[]): Promise<Map<string, ApiNode>> {
    const out = new Map<string, ApiNode>();
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      for (const r of await db.all<NodeRow>(`SELECT ${NODE_COLUMNS} FROM graph_nodes WHERE key IN (${marks(part.length)})`, part)) out.set(r.key, toNode(r));
    }
    return out;
  }

  /** Edge weight in the window: the evidence sentences of articles dated inside it. */
  function weightSql(q: { since?: string | null; until?: string | null }, params: SqlValue[]): string {
    if (!q.since && !q.until) return "e.weight";
    const where = ["d.edge = e.key"];
    if (q.since) where.push("d.day >= ?"), params.push(q.since);
    if (q.until) where.push("d.day <= ?"), params.push(q.until);
    return `(SELECT coalesce(sum(d.weight), 0) FROM graph_edge_days d WHERE ${where.join(" AND ")})`;
  }

  /** The strongest `limit` edges at `ends` (one key: an index range scan per direction). */
  async function edgesAt(ends: readonly string[], q: NeighbourhoodQuery, limit: number, exclude: ReadonlySet<string>): Promise<ApiEdge[]> {
    const branches: string[] = [];
    const params: SqlValue[] = [];
    for (const [end, other] of [["source", "target"], ["target", "source"]] as const) {
      const p: SqlValue[] = [];
      const w = weightSql(q, p);
      const where = [`e.${end} IN (${marks(ends.length)})`];
      p.push(...ends);
      if (q.relations?.length) where.push(`e.relation IN (${marks(q.relations.length)})`), p.push(...q.relations);
      if (q.kinds?.length) where.push(`o.kind IN (${marks(q.kinds.length)})`), p.push(...q.kinds);
      const join = q.kinds?.length ? ` JOIN graph_nodes o ON o.key = e.${other}` : "";
      branches.push(`SELECT * FROM (SELECT e.key, e.source, e.target, e.relation, e.cameo, ${w} AS weight FROM graph_edges e${join} ` +
        `WHERE ${where.join(" AND ")} ORDER BY weight DESC, e.key LIMIT ${limit + exclude.size}) b_${end}`);
      params.push(...p);
    }
    const rows = await db.all<EdgeRow>(`SELECT * FROM (${branches.join(" UNION ALL ")}) u WHERE weight > 0 ORDER BY weight DESC, key`, params);
    const seen = new Set<string>();
    const out: ApiEdge[] = [];
    for (const r of rows) {
      if (exclude.has(r.key) || seen.has(r.key)) continue;
      seen.add(r.key);
      out.push(toEdge(r));
      if (out.length === limit) break;
    }
    return out;
  }

  async function withNodes(edges: ApiEdge[], extra: readonly string[] = []): Promise<FocusGraph> {
    const keys = [...new Set([...extra, ...edges.flatMap((e) => [e.source, e.target])])].sort();
    const found = await nodes(keys);
    return { nodes: keys.map((k) => found.get(k)).filter((n): n is ApiNode => !!n), edges };
  }

  async function page<R, T>(count: string, select: string, params: SqlValue[], offset: number, limit: number, map: (r: R) => T): Promise<Page<T>> {
    const total = Number((await db.all<{ n: number }>(count, params))[0]?.n ?? 0);
    const items = (await db.all<R>(`${select} LIMIT ? OFFSET ?`, [...params, limit, offset])).map(map);
    return { items, total, offset };
  }

  return {
    async info() {
      const one = async (sql: string) => (await db.all<{ v: string | number | null }>(sql))[0]?.v ?? null;
      return {
        articles: Number(await one("SELECT count(*) AS v FROM articles")),
        nodes: Number(await one("SELECT count(*) AS v FROM graph_nodes")),
        edges: Number(await one("SELECT count(*) AS v FROM graph_edges")),
        firstDate: (await one("SELECT min(date) AS v FROM articles")) as string | null,
        lastDate: (await one("SELECT max(date) AS v FROM articles")) as string | null,
      };
    },

    async search(text, limit) {
      const q = text.trim().toLowerCase();
      if (!q) return [];
      const params: SqlValue[] = [];
      let where: string;
      if (q.length < 3) {
        where = "lower(n.name) LIKE ? ESCAPE '\\'";
        params.push(`${escapeLike(q)}%`);
      } else if (db.dialect === "sqlite") {
        where = "graph_names MATCH ?";
        params.push(`"${q.replace(/"/g, '""')}"`);
      } else {
        where = "lower(n.name) LIKE ? ESCAPE '\\'";
        params.push(`%${escapeLike(q)}%`);
      }
      // One table, no join: the matches come from the text index, ranked exact, prefix, then by mentions.
      const rows = await db.all<{ key: string; label: string; kind: string; mentions: number; name: string }>(
        `SELECT n.node AS key, n.label, n.kind, n.mentions, n.name FROM graph_names n WHERE ${where} ` +
          `ORDER BY CASE WHEN lower(n.name) = ? THEN 0 WHEN lower(n.name) LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, n.mentions DESC, n.node, n.name LIMIT ?`,
        [...params, q, `${escapeLike(q)}%`, limit * 4],
      );
      const hits = new Map<string, SearchHit>();
      for (const r of rows) {
        if (hits.has(r.key)) continue;
        const hit: SearchHit = { key: r.key, label: r.label, kind: r.kind as EntityKind, mentions: Number(r.mentions) };
        if (r.name !== r.label && !r.label.toLowerCase().includes(q)) hit.alias = r.name;
        hits.set(r.key, hit);
        if (hits.size === limit) break;
      }
      return [...hits.values()];
    },

    async top(q) {
      let picked: ApiNode[];
      if (!q.since && !q.until) {
        picked = (await db.all<NodeRow>(`SELECT ${NODE_COLUMNS} FROM graph_nodes ORDER BY strength DESC, mentions DESC, key LIMIT ?`, [q.limit])).map((r) => toNode(r));
      } else {
        const where: string[] = [];
        const params: SqlValue[] = [];
        if (q.since) where.push("day >= ?"), params.push(q.since);
        if (q.until) where.push("day <= ?"), params.push(q.until);
        const rows = await db.all<{ node: string; w: number }>(
          `SELECT node, sum(weight) AS w FROM graph_node_days WHERE ${where.join(" AND ")} GROUP BY node ORDER BY w DESC, node LIMIT ?`,
          [...params, q.limit],
        );
        const found = await nodes(rows.map((r) => r.node));
        picked = rows.flatMap((r) => {
          const n = found.get(r.node);
          return n ? [{ ...n, strength: Number(r.w) }] : [];
        });
      }
      const keys = picked.map((n) => n.key);
      if (keys.length === 0) return { nodes: [], edges: [] };
      const params: SqlValue[] = [];
      const w = weightSql(q, params);
      const rows = await db.all<EdgeRow>(
        `SELECT * FROM (SELECT e.key, e.source, e.target, e.relation, e.cameo, ${w} AS weight FROM graph_edges e ` +
          `WHERE e.source IN (${marks(keys.length)}) AND e.target IN (${marks(keys.length)})) x WHERE weight > 0 ORDER BY key`,
        [...params, ...keys, ...keys],
      );
      return { nodes: picked, edges: rows.map(toEdge) };
    },

    async neighbourhood(q) {
      const hop1 = await edgesAt([q.key], q, q.limit, new Set());
      let edges = hop1;
      if (q.hops >= 2) {
        const around = [...new Set(hop1.flatMap((e) => [e.source, e.target]))].filter((k) => k !== q.key);
        // Each neighbour's strongest edges read from its own index range, then the strongest of those: the same
        // edges as one query over all neighbours, without sorting every edge of every hub among them.
        const seen = new Set(hop1.map((e) => e.key));
        const perNeighbour = await Promise.all(around.map((k) => edgesAt([k], q, q.limit, seen)));
        const next = new Map<string, ApiEdge>();
        for (const e of perNeighbour.flat()) next.set(e.key, e);
        const strongest = [...next.values()].sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
        edges = [...hop1, ...strongest.slice(0, q.limit)];
      }
      return withNodes(edges, [q.key]);
    },

    async entity(key) {
      const r = (await db.all<NodeRow>(`SELECT ${NODE_COLUMNS} FROM graph_nodes WHERE key = ?`, [key]))[0];
      return r ? toNode(r) : undefined;
    },

    // The entity's edges first (two index ranges), then their evidence: a planner left free walks all evidence in
    // document order looking for the entity's, which on a large store takes seconds for all but the hubs.
    evidence: (key, offset, limit) =>
      page<EvidenceDbRow, EvidenceRow>(
        `${EDGES_OF} SELECT count(*) AS n FROM e JOIN graph_evidence ev ON ev.edge = e.key`,
        `${EDGES_OF} SELECT ${EVIDENCE_COLUMNS} FROM e JOIN graph_evidence ev ON ev.edge = e.key ORDER BY ev.document, ev.span_start, ev.edge`,
        [key, key], offset, limit, toEvidence,
      ),

    edgeEvidence: (edge, offset, limit) =>
      page<EvidenceDbRow, EvidenceRow>(
        "SELECT count(*) AS n FROM graph_evidence ev WHERE ev.edge = ?",
        `SELECT ${EVIDENCE_COLUMNS} FROM graph_evidence ev JOIN graph_edges e ON e.key = ev.edge WHERE ev.edge = ? ORDER BY ev.document, ev.span_start`,
        [edge], offset, limit, toEvidence,
      ),

    quotes: (key, offset, limit) =>
      page<{ document: string; span_start: number; span_end: number; text: string; day: string | null }, QuoteRow>(
        "SELECT count(*) AS n FROM graph_quotes WHERE node = ?",
        "SELECT document, span_start, span_end, text, day FROM graph_quotes WHERE node = ? ORDER BY document, span_start",
        [key], offset, limit,
        (r) => ({ document: r.document, start: Number(r.span_start), end: Number(r.span_end), text: r.text, date: r.day }),
      ),
  };
}
