// Scores graphs against gold articles with the definitions of the gold README: a node matches an entity when
// a normalised label or alias equals one of the entity's names; edges match on (source, relation, target);
// quotations match on text (containment or most words shared) and speaker. Micro-averaged over articles.
import type { GraphJson } from "../types.js";
import { SYMMETRIC_RELATIONS, ENTITY_KINDS, RELATIONS, type Relation } from "../types.js";
import type { GoldArticle, GoldEntity } from "./dev-gold.js";

export interface Counts { tp: number; fp: number; fn: number }
export interface Prf { p: number; r: number; f: number }
export interface ArticleScore {
  id: string;
  entities: Counts;
  typedEntities: Counts;
  relations: Counts;
  quotes: Counts;
  misses: string[];
  extras: string[];
}

const KINDS = new Set<string>(ENTITY_KINDS);
const VOCAB = new Set<string>(RELATIONS);

/** The comparison form of a name: accents, a leading @ or "the", and every non-alphanumeric character removed. */
export function matchKey(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/^@/, "").replace(/^the\s+/, "").replace(/[^a-z0-9]+/g, "");
}

function words(s: string): string[] {
  return s.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
}

export function quotesMatch(a: string, b: string): boolean {
  const x = words(a).join(" ");
  const y = words(b).join(" ");
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.includes(short)) return short.length > 40 || short.length * 2 >= long.length;
  const A = new Set(x.split(" "));
  const B = new Set(y.split(" "));
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / (A.size + B.size - shared) >= 0.6;
}

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function align(graph: GraphJson, gold: GoldArticle): Map<string, GoldEntity> {
  const names = gold.entities.map((e) => ({ e, keys: new Set([e.name, ...e.aliases].map(matchKey).filter(Boolean)) }));
  const out = new Map<string, GoldEntity>();
  for (const n of graph.nodes) {
    if (!KINDS.has(n.attributes.kind)) continue;
    const label = matchKey(n.attributes.label);
    const keys = new Set([label, ...n.attributes.aliases.map(matchKey)].filter(Boolean));
    const rank = (x: { e: GoldEntity; keys: Set<string> }) => (x.e.kind === n.attributes.kind ? 2 : 0) + (x.keys.has(label) ? 1 : 0) + (matchKey(x.e.name) === label ? 0.5 : 0);
    const best = names.filter((x) => [...keys].some((k) => x.keys.has(k))).sort((a, b) => rank(b) - rank(a))[0];
    if (best) out.set(n.key, best.e);
  }
  return out;
}

export function scoreGraph(gold: GoldArticle, graph: GraphJson): ArticleScore {
  const s: ArticleScore = { id: gold.id, entities: { tp: 0, fp: 0, fn: 0 }, typedEntities: { tp: 0, fp: 0, fn: 0 }, relations: { tp: 0, fp: 0, fn: 0 }, quotes: { tp: 0, fp: 0, fn: 0 }, misses: [], extras: [] };
  const toGold = align(graph, gold);
  const matched = new Set<string>();
  for (const n of graph.nodes) {
    if (!KINDS.has(n.attributes.kind)) continue;
    const g = toGold.get(n.key);
    if (!g || matched.has(g.id)) {
      s.entities.fp++; s.typedEntities.fp++;
      s.extras.push(g ? `duplicate ${n.attributes.label} ~ ${g.id}` : `node ${n.attributes.kind}:${n.attributes.label}`);
      continue;
    }
    matched.add(g.id);
    s.entities.tp++;
    if (g.kind === n.attributes.kind) s.typedEntities.tp++;
    else { s.typedEntities.fp++; s.typedEntities.fn++; s.extras.push(`kind ${n.attributes.label}: ${n.attributes.kind} != ${g.kind}`); }
  }
  for (const e of gold.entities) if (!matched.has(e.id)) { s.entities.fn++; s.typedEntities.fn++; s.misses.push(`entity ${e.kind}:${e.name}`); }

  const triple = (a: string, r: string, b: string) => (SYMMETRIC_RELATIONS.has(r as Relation) && a > b ? `${b} ${r} ${a}` : `${a} ${r} ${b}`);
  const goldTriples = new Set(gold.relations.map((r) => triple(r.source, r.relation, r.target)));
  const predicted = new Set<string>();
  for (const e of graph.edges) {
    if (!VOCAB.has(e.attributes.relation)) continue;
    const a = toGold.get(e.source)?.id ?? `?${e.source}`;
    const b = toGold.get(e.target)?.id ?? `?${e.target}`;
    if (a !== b) predicted.add(triple(a, e.attributes.relation, b));
  }
  for (const t of predicted) if (goldTriples.has(t)) s.relations.tp++; else { s.relations.fp++; s.extras.push(`edge ${t}`); }
  for (const t of goldTriples) if (!predicted.has(t)) { s.relations.fn++; s.misses.push(`edge ${t}`); }

  const taken = new Set<number>();
  for (const n of graph.nodes) {
    for (const q of n.attributes.quotes) {
      const gi = gold.quotes.findIndex((g, i) => !taken.has(i) && quotesMatch(q.text, g.text));
      const speaker = toGold.get(n.key)?.id;
      if (gi >= 0 && gold.quotes[gi]?.speaker === speaker) { taken.add(gi); s.quotes.tp++; }
      else if (gi >= 0 || !gold.quotes.some((g) => quotesMatch(q.text, g.text))) { s.quotes.fp++; s.extras.push(`quote by ${n.key}: ${q.text.slice(0, 50)}`); }
    }
  }
  gold.quotes.forEach((g, i) => { if (!taken.has(i)) { s.quotes.fn++; s.misses.push(`quote by ${g.speaker}: ${g.text.slice(0, 50)}`); } });
  return s;
}

export interface GoldScore { entities: Prf; typedEntities: Prf; relations: Prf; quotes: Prf; articles: ArticleScore[] }

export function totals(articles: ArticleScore[]): GoldScore {
  const sum = (k: "entities" | "typedEntities" | "relations" | "quotes") =>
    prf(articles.reduce((c, a) => ({ tp: c.tp + a[k].tp, fp: c.fp + a[k].fp, fn: c.fn + a[k].fn }), { tp: 0, fp: 0, fn: 0 }));
  return { entities: sum("entities"), typedEntities: sum("typedEntities"), relations: sum("relations"), quotes: sum("quotes"), articles };
}
