// Who speaks a quotation, read from the tree: the subject of the reporting verb outside the quotation in the
// sentences it spans ("“…,” the Treasury's Under Secretary, Brian Nelson, said": the verb's subject is the
// title, whose apposition names him), or the object of "according to". Pronoun and role subjects resolve
// through the refs the document's coreference added.
import type { Article, Sentence } from "../../types.js";
import type { QuoteSpan } from "../../extract/quotes.js";
import type { Ref, RefIndex } from "../../resolve/refs.js";
import { lexicon } from "../../extract/lexicon.js";
import { wordClass } from "../../data/word-classes.js";
import { childrenOf, isPassive, passiveAgentOf, subjectsOf } from "../../nlp/parse/paths.js";
import { ACTORS, refOfNode, type TreeContext } from "./context.js";

function outside(q: QuoteSpan, s: Sentence, k: number): boolean {
  const t = s.tokens[k];
  return t !== undefined && (t.end <= q.open || t.start > q.close);
}

/** Whether node `top` dominates node `k` in the tree. */
function dominates(s: Sentence, top: number, k: number): boolean {
  for (let n = k, steps = 0; n >= 0 && steps < s.tokens.length; steps++) {
    if (n === top) return true;
    n = s.tokens[n]?.head ?? -1;
  }
  return false;
}

function depth(s: Sentence, k: number): number {
  let d = 0;
  for (let n = s.tokens[k]?.head ?? -1; n >= 0 && d < s.tokens.length; n = s.tokens[n]?.head ?? -1) d++;
  return d;
}

/**
 * Reporting verbs and "according" outside the quotation. Those whose clause holds the quotation come first, the
 * highest first ("X, who claimed that Y had asked him to “…”": X's claim reports the words, not Y's asking); then
 * the others, nearest to the quotation first.
 */
function reportingNodes(q: QuoteSpan, s: Sentence): number[] {
  const lex = lexicon();
  const found: number[] = [];
  s.tokens.forEach((t, k) => {
    if (!outside(q, s, k)) return;
    const w = t.text.toLowerCase();
    if ((t.upos === "VERB" && lex.verbs.get(w)?.speech === true) || w === "according") found.push(k);
  });
  const distance = (k: number) => {
    const t = s.tokens[k]!;
    return t.end <= q.open ? q.open - t.end : t.start - q.close;
  };
  const inside = s.tokens.findIndex((t) => t.start >= q.start && t.end <= q.end);
  const holds = (k: number) => inside >= 0 && dominates(s, k, inside);
  return found.sort((a, b) => Number(holds(b)) - Number(holds(a)) || (holds(a) ? depth(s, a) - depth(s, b) : 0) || distance(a) - distance(b));
}

/** "“…,” the Treasury's Under Secretary for X, Brian Nelson, said": a verb the parser left without a subject takes
 *  the person named between the quotation and it (else the body or country). */
function namedBefore(ctx: TreeContext, si: number, s: Sentence, k: number, q: QuoteSpan): Ref | undefined {
  const between = (ctx.refs.bySentence[si] ?? []).filter((r) => !r.nested && r.to <= k && (s.tokens[r.from]?.start ?? 0) > q.close);
  if (unknownNameFirst(ctx, si, s, k, q)) return undefined;
  return between.filter((r) => r.kind === "person").at(-1) ?? between.filter((r) => ACTORS.has(r.kind)).at(-1);
}

const FORMER_NAME = wordClass("former-name-markers");

/** "formerly Twitter", "previously Swaziland": an earlier name of what was just named, not an actor of its own. */
function formerName(s: Sentence, r: Ref): boolean {
  return FORMER_NAME.has(s.tokens[r.from - 1]?.text.toLowerCase() ?? "");
}

/**
 * "“…,” Son Woo-mok, president of NSEU, said": a name no entity covers opens the stretch before the verb; it is
 * the speaker, and the body of its title is only their affiliation.
 */
function unknownNameFirst(ctx: TreeContext, si: number, s: Sentence, k: number, q: QuoteSpan): boolean {
  const first = s.tokens.findIndex((t, i) => i < k && t.start > q.close && t.upos !== "PUNCT");
  return first >= 0 && unknownNameAt(ctx.refs, si, s, first);
}

/** Whether token `i` is a proper name no entity covers (not a title or honorific): a person the tagger missed. */
export function unknownNameAt(refs: RefIndex, si: number, s: Sentence, i: number): boolean {
  const t = s.tokens[i];
  if (!t || refs.at(si, i)) return false;
  if (t.upos !== undefined ? t.upos !== "PROPN" : !/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
  const lex = lexicon();
  const w = t.text.toLowerCase();
  return !lex.roleWords.has(w) && !lex.honorifics.has(w.replace(/\.$/, ""));
}

function speakerOf(ctx: TreeContext, si: number, s: Sentence, k: number, q: QuoteSpan): Ref | undefined {
  const nodes = (s.tokens[k]?.text.toLowerCase() === "according"
    // UD makes "according" the case marker of its object ("according to a statement issued by X"); older
    // analyses hang the object below it
    ? s.tokens[k]?.deprel === "case" ? [s.tokens[k]!.head ?? -1]
    : childrenOf(s, k).flatMap((c) => [c, ...childrenOf(s, c)]).filter((c) => s.tokens[c]?.deprel?.startsWith("obl") || s.tokens[c]?.deprel?.startsWith("nmod"))
    : isPassive(s, k) ? passiveAgentOf(s, k) // "X was described as “…” by Y": Y speaks
    : subjectsOf(s, k)
  ).filter((n) => outside(q, s, n)); // a subject inside the quoted words is the parser's slip ("“…, Donald Trump,” Cruz wrote")
  for (const n of nodes) {
    // "X, who claimed ...": a relative pronoun the parser left unlinked stands for the name before its comma
    const w = s.tokens[n]?.text.toLowerCase();
    const antecedent = (w === "who" || w === "which") && s.tokens[n - 1]?.text === "," ? ctx.refs.endingAt(si, n - 1) : undefined;
    const r = antecedent ?? refOfNode(ctx, si, n);
    if (r && formerName(s, r)) {
      // "In a post on X, formerly Twitter, the foreign ministry said": the parser made the old name the subject and
      // the speaker its apposition
      const next = childrenOf(s, n, ["appos"]).map((a) => refOfNode(ctx, si, a)).find((a) => a && ACTORS.has(a.kind));
      if (next) return next;
      continue;
    }
    if (r && ACTORS.has(r.kind)) return r;
  }
  return nodes.length === 0 && s.tokens[k]?.upos === "VERB" ? namedBefore(ctx, si, s, k, q) : undefined;
}

/** The speaker of quotation `q` by the tree, if a parsed sentence it touches names one. */
export function treeSpeaker(article: Article, refs: RefIndex, quotes: readonly QuoteSpan[], q: QuoteSpan): Ref | undefined {
  const ctx: TreeContext = { article, refs, quotes };
  // the sentence right after the quotation counts only when the quotation opens its own ("“…?” Vitter demanded."):
  // after "Japan branded X an “outlaw nation.”", "Russia insisted ..." is Russia's statement
  const opening = article.sentences.find((o) => o.start <= q.open && q.open < o.end + 2);
  const opensSentence = opening !== undefined && article.text.slice(opening.start, q.open).trim() === "";
  const touched = article.sentences
    .map((s, si) => ({ s, si }))
    .filter(({ s }) => s.end >= q.open && (s.start <= q.close || (opensSentence && s.start <= q.close + 2)) && s.tokens[0]?.deprel !== undefined);
  // the attribution usually closes the quotation's last sentence ("…,” X said.") or opens its first
  for (const { s, si } of [...touched].reverse()) {
    for (const k of reportingNodes(q, s)) {
      // a verb inside another quotation is someone else's report
      if (quotes.some((o) => o !== q && o.speech && o.open <= s.tokens[k]!.start && s.tokens[k]!.start <= o.close)) continue;
      const r = speakerOf(ctx, si, s, k, q);
      if (r) return r;
    }
  }
  return clauseSubject(ctx, q);
}

/**
 * With no reporting verb, the actor whose clause holds the quotation: "Japan branded North Korea an “outlaw
 * nation”", "X accused Y of “fanatic recklessness”" (the active verb above the quotation's first word, outside it).
 */
function clauseSubject(ctx: TreeContext, q: QuoteSpan): Ref | undefined {
  const si = ctx.article.sentences.findIndex((o) => o.start <= q.open && q.open < o.end);
  const s = ctx.article.sentences[si];
  if (!s || s.tokens[0]?.deprel === undefined) return undefined;
  const first = s.tokens.findIndex((t) => t.start > q.open);
  if (first < 0 || s.tokens[first]!.end > q.close) return undefined;
  for (let k = s.tokens[first]!.head ?? -1, steps = 0; k >= 0 && steps < s.tokens.length; k = s.tokens[k]!.head ?? -1, steps++) {
    if (!outside(q, s, k)) continue;
    if (s.tokens[k]!.upos !== "VERB") continue;
    // "X asked the organisation to deploy troops to help “pacify” ...": up an open complement to the verb whose
    // subject is written (the borrowed subject of "help" would be the organisation asked)
    if (s.tokens[k]!.deprel === "xcomp" && childrenOf(s, k, ["nsubj", "nsubj:pass"]).length === 0) continue;
    if (isPassive(s, k)) return undefined;
    for (const n of subjectsOf(s, k)) {
      const r = refOfNode(ctx, si, n);
      if (r && ACTORS.has(r.kind)) return r;
    }
    return undefined;
  }
  return undefined;
}
