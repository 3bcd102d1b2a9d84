// The graph JSON contract (src/types.ts GraphJson) as a zod schema, plus the cross-record rules a schema alone
// cannot state: unique keys, edges between existing nodes, no self loops, documents that name listed articles.
// Used by `newsgraph validate`, by tests on every produced graph, and by anyone loading a graph from disk.
import { z } from "zod";
import type { EntityKind, GraphJson, Relation } from "../types.js";
import { ENTITY_KINDS, RELATIONS } from "../types.js";

const count = z.number().int().nonnegative();
const finite = z.number(); // zod 4 rejects NaN and ±Infinity

/** A [start, end) range: non-negative integers with start <= end. */
const span = { start: count, end: count };
function ordered<T extends { start: number; end: number }>(schema: z.ZodType<T>) {
  return schema.refine((s) => s.start <= s.end, { message: "start must not be after end", path: ["end"] });
}

const date = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, "must be a YYYY-MM-DD date");

export const articleMetaSchema = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  date: date.nullable(),
  source: z.string(),
  duplicates: z.array(z.object({ id: z.string().min(1), source: z.string() })).optional(),
});

export const quoteAttributeSchema = ordered(z.object({ ...span, text: z.string(), document: z.string() }));

export const evidenceSchema = ordered(
  z.object({
    ...span,
    document: z.string(),
    text: z.string(),
    quote: z.string().optional(),
    rule: z.string().min(1),
  }),
);

export const nodeAttributesSchema = z.object({
  label: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(z.string()),
  mentions: count,
  documents: z.array(z.string()),
  quotes: z.array(quoteAttributeSchema),
  title: z.string().min(1).optional(),
  merged: z.array(z.string().min(1)).optional(),
  x: finite,
  y: finite,
  size: finite.nonnegative(),
});

export const edgeAttributesSchema = z.object({
  relation: z.enum(RELATIONS as readonly Relation[] as [Relation, ...Relation[]]),
  weight: z.number().int().positive(),
  evidence: z.array(evidenceSchema).min(1, "an edge needs at least one evidence sentence"),
  cameo: z.string().optional(),
  rule: z.string().min(1),
});

/**
 * The shape of a graph JSON. Unknown extra attributes are allowed (and dropped by `parse`), so a producer may add
 * attributes before the contract lists them; known attributes must have exactly the contract's types.
 */
export const graphJsonSchema = z.object({
  attributes: z.object({ generator: z.string(), version: z.string(), articles: z.array(articleMetaSchema) }),
  options: z.object({ type: z.literal("directed"), multi: z.literal(true), allowSelfLoops: z.literal(false) }),
  nodes: z.array(z.object({ key: z.string().min(1), attributes: nodeAttributesSchema })),
  edges: z.array(
    z.object({ key: z.string().min(1), source: z.string(), target: z.string(), attributes: edgeAttributesSchema }),
  ),
});

// Compile-time check that the schema and the contract in src/types.ts agree.
type Parsed = z.infer<typeof graphJsonSchema>;
const _contract: (g: GraphJson) => Parsed = (g) => g;
const _schema: (g: Parsed) => GraphJson = (g) => g;
void _contract;
void _schema;
const _kinds: readonly EntityKind[] = ENTITY_KINDS;
void _kinds;

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

/** `nodes[3].attributes.kind`, the way a user would write it to look the value up. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out === "" ? "(root)" : out;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
}

/** The rules between records. Runs on the raw value, so it reports even when some records are malformed. */
function crossChecks(value: unknown): string[] {
  const errors: string[] = [];
  const articleIds = new Set<string>();
  asArray(field(field(value, "attributes"), "articles")).forEach((a, i) => {
    const id = field(a, "id");
    if (typeof id !== "string") return;
    if (articleIds.has(id)) errors.push(`attributes.articles[${i}].id: duplicate article id "${id}"`);
    articleIds.add(id);
  });
  const checkDocument = (doc: unknown, where: string): void => {
    if (typeof doc === "string" && !articleIds.has(doc)) errors.push(`${where}: document "${doc}" is not in attributes.articles`);
  };

  const nodeKeys = new Set<string>();
  asArray(field(value, "nodes")).forEach((node, i) => {
    const key = field(node, "key");
    if (typeof key === "string") {
      if (nodeKeys.has(key)) errors.push(`nodes[${i}].key: duplicate node key "${key}"`);
      nodeKeys.add(key);
    }
    const attrs = field(node, "attributes");
    asArray(field(attrs, "documents")).forEach((d, j) => checkDocument(d, `nodes[${i}].attributes.documents[${j}]`));
    asArray(field(attrs, "quotes")).forEach((q, j) => checkDocument(field(q, "document"), `nodes[${i}].attributes.quotes[${j}]`));
  });

  const edgeKeys = new Set<string>();
  asArray(field(value, "edges")).forEach((edge, i) => {
    const key = field(edge, "key");
    if (typeof key === "string") {
      if (edgeKeys.has(key)) errors.push(`edges[${i}].key: duplicate edge key "${key}"`);
      edgeKeys.add(key);
    }
    const source = field(edge, "source");
    const target = field(edge, "target");
    for (const [end, k] of [["source", source], ["target", target]] as const) {
      if (typeof k === "string" && !nodeKeys.has(k)) errors.push(`edges[${i}].${end}: no node with key "${k}"`);
    }
    if (typeof source === "string" && source === target) errors.push(`edges[${i}]: self loop on "${source}" (allowSelfLoops is false)`);
    asArray(field(field(edge, "attributes"), "evidence")).forEach((e, j) =>
      checkDocument(field(e, "document"), `edges[${i}].attributes.evidence[${j}]`),
    );
  });
  return errors;
}

/**
 * Checks a parsed JSON value against the graph contract. Errors name the place (`edges[2].attributes.relation`)
 * and the reason; every error is listed, shape errors first.
 */
export function validateGraphJson(value: unknown): ValidationResult {
  const parsed = graphJsonSchema.safeParse(value);
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  errors.push(...crossChecks(value));
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
