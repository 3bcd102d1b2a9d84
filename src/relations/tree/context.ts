// What every pattern over the tree needs: the article, its refs (names, roles, pronouns resolved to entities),
// its quotation spans, and a way from a tree node to the entity it names.
import type { Article, EntityKind, Sentence } from "../../types.js";
import type { QuoteSpan } from "../../extract/quotes.js";
import type { Ref, RefIndex } from "../../resolve/refs.js";
import { childrenOf } from "../../nlp/parse/paths.js";
import { lexicon } from "../../extract/lexicon.js";
import { wordClass } from "../../data/word-classes.js";

const GROUPS = wordClass("group-nouns");

export interface TreeContext {
  article: Article;
  refs: RefIndex;
  quotes: readonly QuoteSpan[];
}

/** A relation read from the tree: the same shape as every other relation fact, checked and given evidence by the pipeline. */
export type { Fact as TreeFact } from "../verbs.js";

export const ACTORS: ReadonlySet<EntityKind> = new Set<EntityKind>(["person", "country", "organization"]);

/** Index of the quotation holding `offset`, or -1: statements inside a quotation are the speaker's, not the text's. */
export function quoteAt(ctx: TreeContext, offset: number): number {
  return ctx.quotes.findIndex((q) => q.open <= offset && offset <= q.close);
}


/**
 * The entity a tree node names: the ref covering it, else a name hanging from it as apposition or flat name
 * ("the ambassador, Masood Khan"; "envoy Masood Khan" parsed with the title as head).
 */
export function refOfNode(ctx: TreeContext, si: number, k: number): Ref | undefined {
  const own = ctx.refs.at(si, k);
  // a name inside a role's ref ("Peru" in "Peru's first female president", a ref to the president) is itself
  if (own && own.how !== "name") {
    const name = ctx.refs.bySentence[si]?.find((r) => r !== own && r.how === "name" && r.from <= k && k < r.to);
    if (name) return name;
  }
  if (own) return own;
  const s = ctx.article.sentences[si];
  if (!s) return undefined;
  for (const c of childrenOf(s, k, ["appos", "flat", "compound", "nmod:desc"])) {
    const r = ctx.refs.at(si, c);
    // "the Surya Kiran exercise": an event's name before its kind noun
    if (r && (r.kind === "person" || ((r.kind === "exercise" || r.kind === "event") && s.tokens[c]?.deprel === "compound"))) return r;
  }
  // "the foreign ministers of Kazakhstan", "the delegation of the Houthis": officials and groups stand for what
  // they are of; "a delegation led by X" for X
  const word = s.tokens[k]?.text.toLowerCase() ?? "";
  const group = GROUPS.has(word);
  if (group) {
    for (const c of childrenOf(s, k, ["acl"])) {
      for (const agent of childrenOf(s, c).filter((a) => s.tokens[a]?.deprel === "obl:agent" || childrenOf(s, a, ["case"]).some((m) => s.tokens[m]?.text.toLowerCase() === "by"))) {
        const r = refOfNode(ctx, si, agent);
        if (r && r.kind === "person") return r;
      }
    }
  }
  if (group || lexicon().roles.has(word) || lexicon().roles.has(word.replace(/s$/, ""))) {
    // "Mali's head of state Assimi Goita met ...": the person the title names acts, not the title's country
    for (const c of childrenOf(s, k, ["nmod", "appos", "flat", "compound"])) {
      const r = ctx.refs.at(si, c);
      if (r?.kind === "person" && c > k) return r;
    }
    for (const c of childrenOf(s, k)) {
      const t = s.tokens[c];
      const of = childrenOf(s, c, ["case"]).some((m) => s.tokens[m]?.text.toLowerCase() === "of");
      if (t && (t.deprel === "nmod:poss" || (t.deprel?.startsWith("nmod") && of))) {
        const r = ctx.refs.at(si, c);
        if (r && (r.kind === "country" || r.kind === "organization")) return r;
      }
    }
  }
  return undefined;
}

/** The refs of several nodes, one per entity, in order. */
export function refsOfNodes(ctx: TreeContext, si: number, nodes: readonly number[]): Ref[] {
  const out: Ref[] = [];
  for (const k of nodes) {
    const r = refOfNode(ctx, si, k);
    // "the two countries": each of the parties it stands for
    for (const entity of r ? ctx.refs.membersOf(r.entity) : []) {
      const kind = ctx.refs.entityById.get(entity)?.kind ?? r!.kind;
      if (!out.some((o) => o.entity === entity)) out.push(entity === r!.entity ? r! : { ...r!, entity, kind });
    }
  }
  return out;
}

/** The token of a ref that heads it in the tree: the one whose head lies outside the ref's span. */
export function headOfRef(s: Sentence, r: Pick<Ref, "from" | "to">): number {
  for (let k = r.from; k < r.to; k++) {
    const h = s.tokens[k]?.head ?? -1;
    if (h < r.from || h >= r.to) return k;
  }
  return r.to - 1;
}
