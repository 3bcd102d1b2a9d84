// data/relation-patterns.json: relations read from the dependency tree, as data. Loaded and checked once; the
// test runs every entry's example.
import { isRecord, loadData } from "../../data/load.js";
import { RELATIONS, type Relation } from "../../types.js";
import { SOURCE_PATHS, TARGET_PATHS, type SourcePath, type TargetPath } from "./paths.js";

export const TRIGGERS = ["verb", "phrase", "role", "noun", "place", "organization"] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface PatternWhen {
  voice?: "active" | "passive";
  /** The verb entry's object modes (data/relation-verbs.json `object`). */
  objects?: string[];
  relations?: Relation[];
  /** Only when the trigger has no object ("X and Y met"). */
  objectless?: boolean;
  /** Only outside quotations (a quoted statement is attributed as a quote, not read as the text's own). */
  outsideQuote?: boolean;
  /** A noun trigger's nouns (lower case, as written) and the preposition that introduces its other party. */
  nouns?: string[];
  preposition?: string;
}

export interface RelationPattern {
  id: string;
  trigger: Trigger;
  when: PatternWhen;
  source: SourcePath;
  target: TargetPath;
  /** A vocabulary term, or "@verb" / "@role": the trigger's own relation. */
  relation: Relation | "@verb" | "@role";
  reason: string;
  example: string;
  expect: [string, string, string][];
  reject: [string, string, string][];
}

function str(v: unknown, what: string): string {
  if (typeof v !== "string" || v === "") throw new Error(`${what} must be a non-empty string`);
  return v;
}

function facts(v: unknown, what: string): [string, string, string][] {
  if (!Array.isArray(v) || !v.every((f) => Array.isArray(f) && f.length === 3 && f.every((x) => typeof x === "string"))) {
    throw new Error(`${what} must be a list of [source, relation, target]`);
  }
  return v as [string, string, string][];
}

export function checkPattern(p: unknown, i: number): RelationPattern {
  if (!isRecord(p)) throw new Error(`patterns[${i}] must be an object`);
  const id = str(p.id, `patterns[${i}].id`);
  const at = `pattern "${id}"`;
  const trigger = str(p.trigger, `${at}: trigger`);
  if (!(TRIGGERS as readonly string[]).includes(trigger)) throw new Error(`${at}: unknown trigger "${trigger}"`);
  const source = str(p.source, `${at}: source`);
  if (!(SOURCE_PATHS as readonly string[]).includes(source)) throw new Error(`${at}: unknown source path "${source}"`);
  const target = str(p.target, `${at}: target`);
  if (!(TARGET_PATHS as readonly string[]).includes(target) && !/^oblique:(@object|@last|[a-z]+)$/.test(target)) {
    throw new Error(`${at}: unknown target path "${target}"`);
  }
  const relation = str(p.relation, `${at}: relation`);
  if (!relation.startsWith("@") && !(RELATIONS as readonly string[]).includes(relation)) throw new Error(`${at}: "${relation}" is not in the vocabulary`);
  if (!isRecord(p.when)) throw new Error(`${at}: when must be an object`);
  for (const r of (p.when.relations as unknown[] | undefined) ?? []) {
    if (!(RELATIONS as readonly unknown[]).includes(r)) throw new Error(`${at}: when.relations has "${String(r)}", not in the vocabulary`);
  }
  return {
    id, trigger: trigger as Trigger, when: p.when as PatternWhen, source: source as SourcePath, target: target as TargetPath,
    relation: relation as RelationPattern["relation"], reason: str(p.reason, `${at}: reason`), example: str(p.example, `${at}: example`),
    expect: facts(p.expect, `${at}: expect`), reject: facts(p.reject, `${at}: reject`),
  };
}

let patterns: readonly RelationPattern[] | undefined;

/** Every pattern, validated; ids are unique. */
export function relationPatterns(): readonly RelationPattern[] {
  patterns ??= loadData("relation-patterns", (v) => {
    if (!isRecord(v) || !Array.isArray(v.patterns)) throw new Error('expected {"patterns": [...]}');
    const list = v.patterns.map(checkPattern);
    const ids = new Set<string>();
    for (const p of list) {
      if (ids.has(p.id)) throw new Error(`pattern id "${p.id}" is used twice`);
      ids.add(p.id);
    }
    return list;
  });
  return patterns;
}
