import type { Article, EntityKind } from "../types.js";
import type { Candidate } from "../extract/mentions.js";
import type { Resolution, WorkEntity } from "./document.js";
import { lexicon } from "../extract/lexicon.js";

/** A stretch of a sentence's tokens that refers to an entity: a name, a role ("the envoy") or a pronoun. */
export interface Ref {
  sentence: number;
  from: number;
  to: number;
  start: number;
  entity: string;
  kind: EntityKind;
  nested: boolean;
  how: "name" | "role" | "pronoun" | "nominal";
}

/** Refs per sentence, sorted by position; later stages add roles, pronouns and nominals. */
export class RefIndex {
  readonly bySentence: Ref[][];
  readonly entityById = new Map<string, WorkEntity>();
  /** Group refs' entities ("the two countries") -> the entities they stand for (resolve/groups.ts). */
  readonly groups = new Map<string, string[]>();

  constructor(article: Article, candidates: readonly Candidate[], res: Resolution) {
    this.bySentence = article.sentences.map(() => []);
    for (const e of res.entities) this.entityById.set(e.id, e);
    candidates.forEach((c, i) => {
      const id = res.ofCandidate[i];
      const e = id ? this.entityById.get(id) : undefined;
      if (!e) return;
      this.add({ sentence: c.sentence, from: c.from, to: c.to, start: c.start, entity: e.id, kind: e.kind, nested: c.nested === true, how: "name" });
    });
  }

  private countryIds: Map<string, string> | undefined;

  /**
   * The article's country entity that a country word or demonym names ("Iraqi", "U.S."), when the article names
   * that country as an entity; a demonym alone is no entity of its own.
   */
  countryNamedBy(word: string): string | undefined {
    const entry = word ? lexicon().countries.get(word.toLowerCase()) : undefined;
    if (!entry) return undefined;
    if (!this.countryIds) {
      this.countryIds = new Map();
      for (const e of this.entityById.values()) {
        if (e.kind !== "country") continue;
        for (const n of e.names.keys()) {
          const name = lexicon().countries.get(n.toLowerCase())?.name ?? n;
          if (!this.countryIds.has(name)) this.countryIds.set(name, e.id);
        }
      }
    }
    return this.countryIds.get(entry.name);
  }

  /** The entities a ref's entity stands for: a group's members, else itself. */
  membersOf(entity: string): string[] {
    return this.groups.get(entity) ?? [entity];
  }

  add(ref: Ref): void {
    const list = this.bySentence[ref.sentence];
    if (!list) return;
    if (list.some((r) => r.from === ref.from && r.to === ref.to && r.entity === ref.entity)) return;
    list.push(ref);
    list.sort((a, b) => a.from - b.from || b.to - a.to);
  }

  /** The outermost ref covering token i, or one ending exactly at i - 1 etc. */
  at(sentence: number, i: number): Ref | undefined {
    return this.bySentence[sentence]?.find((r) => r.from <= i && i < r.to && !r.nested);
  }

  endingAt(sentence: number, end: number): Ref | undefined {
    return this.bySentence[sentence]?.find((r) => r.to === end && !r.nested);
  }

  startingAt(sentence: number, from: number): Ref | undefined {
    return this.bySentence[sentence]?.find((r) => r.from === from && !r.nested);
  }
}
