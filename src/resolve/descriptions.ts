// Definite descriptions of organizations: "the foreign ministry said", "the union says", "the company said".
// News names a body once and then refers to it by what it is. A description resolves to the organization named
// before it whose name holds its head noun and its other words ("the foreign ministry" -> "Ministry of Foreign
// Affairs"), else to the one the text described with that noun ("the pilots' union Cockpit" ... "the union").
// With no such organization it stays unresolved: a guess by salience would put words in the wrong mouth.
import type { Article, Sentence } from "../types.js";
import type { RefIndex } from "./refs.js";
import { wordClass } from "../data/word-classes.js";
import { isParsed } from "../nlp/parse/index.js";
import { childrenOf, subjectsOf } from "../nlp/parse/paths.js";
import { lexicon } from "../extract/lexicon.js";

const HEADS = wordClass("body-description-heads");
/** Words between "the" and the head noun: "the foreign ministry", "the country's central bank". */
const MAX_MODIFIERS = 2;

interface Seen {
  entity: string;
  /** Lower-case words of the organization's names. */
  nameWords: Set<string>;
  /** Nouns the text described it with: "union" in "the pilots' union Cockpit". */
  described: Set<string>;
  /** Character offset of its latest mention so far. */
  last: number;
}

/** The description noun written right before a name ("union Cockpit", "carrier Lufthansa"), or "". */
function describingNoun(s: Sentence, from: number): string {
  const w = s.tokens[from - 1]?.text ?? "";
  return /^\p{Ll}+$/u.test(w) && HEADS.has(w) ? w : "";
}

/** Adds a ref for each "the <modifiers> <head>" that names an organization seen before it. */
export function resolveBodyDescriptions(article: Article, refs: RefIndex): void {
  const seen = new Map<string, Seen>();
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const named = refs.bySentence[si]?.find((r) => r.from === i && r.kind === "organization" && r.how === "name");
      if (named) {
        const seenBody = remember(seen, refs, named.entity, s.tokens[i]?.start ?? s.start);
        const noun = describingNoun(s, i);
        if (noun) seenBody.described.add(noun);
        continue;
      }
      if (words[i] !== "the" || refs.at(si, i)) continue;
      for (let j = i + 1; j <= i + 1 + MAX_MODIFIERS && j < words.length; j++) {
        if (!/^\p{Ll}[\p{Ll}-]*$/u.test(s.tokens[j]?.text ?? "") || refs.at(si, j)) break;
        if (!HEADS.has(words[j] ?? "")) continue;
        // "the union Cockpit": the description introduces the name after it
        if (refs.startingAt(si, j + 1)) break;
        const id = pick(seen, words[j]!, words.slice(i + 1, j));
        if (id) refs.add({ sentence: si, from: i, to: j + 1, start: s.tokens[i]?.start ?? s.start, entity: id, kind: "organization", nested: false, how: "nominal" });
        break;
      }
    }
  });
}

function remember(seen: Map<string, Seen>, refs: RefIndex, entity: string, at: number): Seen {
  let e = seen.get(entity);
  if (!e) {
    const w = refs.entityById.get(entity);
    const nameWords = new Set([...(w?.names.keys() ?? []), ...(w?.aliases ?? [])].flatMap((n) => n.toLowerCase().split(/[\s-]+/)));
    e = { entity, nameWords, described: new Set(), last: at };
    seen.set(entity, e);
  }
  e.last = at;
  return e;
}

/**
 * The latest organization whose name holds the head and every modifier; else the latest the text described with
 * the head; else the only one whose name holds the head ("the central bank" -> "Bank of Korea").
 */
function pick(seen: Map<string, Seen>, head: string, modifiers: readonly string[]): string | undefined {
  const all = [...seen.values()].sort((a, b) => b.last - a.last);
  const holds = (e: Seen, w: string) => e.nameWords.has(w) || e.nameWords.has(`${w}s`) || e.nameWords.has(w.replace(/s$/, ""));
  const full = all.find((e) => holds(e, head) && modifiers.every((m) => holds(e, m)));
  if (full) return full.entity;
  const described = all.find((e) => e.described.has(head));
  if (described) return described.entity;
  const headOnly = all.filter((e) => holds(e, head));
  return headOnly.length === 1 ? headOnly[0]!.entity : undefined;
}

const STATEMENTS = wordClass("statement-nouns");

/** Who issued the statement named at token k, and whether the statement's own words name them ("X's statement",
 *  "a statement from X", "a readout released by X") rather than the clause it stands in ("X said in a statement"). */
function issuerAt(refs: RefIndex, s: Sentence, si: number, k: number): { entity: string; named: boolean } | undefined {
  const own = (n: number) => {
    const r = refs.at(si, n);
    return r && r.kind !== "place" && r.kind !== "event" && r.kind !== "exercise" ? r.entity : undefined;
  };
  // "ASEAN leaders", "Pakistani officials": a group named by the body or country it belongs to
  const actor = (n: number) => own(n) ?? childrenOf(s, n, ["compound", "nmod:poss", "amod"]).map((c) => own(c) ?? refs.countryNamedBy(s.tokens[c]?.text ?? "")).find((x) => x !== undefined) ?? groupOf(refs, s, si, n);
  const by = (n: number) => childrenOf(s, n, ["case"]).map((m) => s.tokens[m]?.text.toLowerCase());
  for (const c of childrenOf(s, k, ["nmod:poss", "nmod"])) {
    const issuer = s.tokens[c]?.deprel === "nmod:poss" || by(c).some((p) => p === "from" || p === "by" || p === "of") ? actor(c) : undefined;
    if (issuer) return { entity: issuer, named: true };
  }
  // "a statement issued by X", "a readout released by X"
  for (const c of childrenOf(s, k, ["acl"])) {
    for (const a of childrenOf(s, c, ["obl:agent", "obl"])) {
      const issuer = by(a).includes("by") ? actor(a) : undefined;
      if (issuer) return { entity: issuer, named: true };
    }
  }
  // "X said in a statement", "..., according to a joint statement": the clause's subject issued it ("according to"
  // reports the whole sentence, wherever the parser attached it: its main verb's subject, unless that stands inside
  // the quotation reported)
  const according = by(k).includes("according");
  const head = according ? s.tokens.findIndex((t) => t.head === -1 && t.upos === "VERB") : (s.tokens[k]?.deprel ?? "").startsWith("obl") ? s.tokens[k]?.head ?? -1 : -1;
  if (head >= 0) for (const n of subjectsOf(s, head)) if (actor(n) && !(according && insideQuoteMarks(s, n))) return { entity: actor(n)!, named: false };
  return undefined;
}

const GROUPS = wordClass("group-nouns");
const OPENING_MARKS = wordClass("opening-quote-marks");

/** Whether token n follows an opening quote mark of its sentence that no closing mark has closed yet. */
function insideQuoteMarks(s: Sentence, n: number): boolean {
  let open = false;
  for (let i = 0; i < n; i++) {
    const w = s.tokens[i]?.text ?? "";
    if (w === "”" || w === "’") open = false;
    else if (w === "\"") open = !open;
    else if (OPENING_MARKS.has(w) && w !== "'") open = true;
  }
  return open;
}

/** "Foreign ministers of ASEAN countries", "the delegation of the Houthis": officials and groups speak for what they are of. */
function groupOf(refs: RefIndex, s: Sentence, si: number, n: number): string | undefined {
  const w = s.tokens[n]?.text.toLowerCase() ?? "";
  const roles = lexicon().roles;
  if (!GROUPS.has(w) && !roles.has(w) && !roles.has(w.replace(/s$/, ""))) return undefined;
  for (const c of childrenOf(s, n, ["nmod"])) {
    if (!childrenOf(s, c, ["case"]).some((m) => s.tokens[m]?.text.toLowerCase() === "of")) continue;
    const r = refs.at(si, c) ?? childrenOf(s, c, ["nmod", "compound", "appos"]).map((x) => refs.at(si, x)).find((x) => x !== undefined);
    if (r && (r.kind === "organization" || r.kind === "country")) return r.entity;
  }
  return undefined;
}

/**
 * "the statement said", "said the statement": a statement speaks for who issued it, named before ("X said in a
 * statement", "a statement from X", "X's statement"). Adds a ref from "the statement" to its issuer.
 */
export function resolveStatements(article: Article, refs: RefIndex): void {
  let issuer: string | undefined;
  article.sentences.forEach((s, si) => {
    if (!isParsed(s)) return;
    s.tokens.forEach((t, k) => {
      if (!STATEMENTS.has(t.text.toLowerCase())) return;
      const own = issuerAt(refs, s, si, k);
      const det = childrenOf(s, k, ["det"]).map((d) => s.tokens[d]?.text.toLowerCase());
      // a statement named afresh ("a statement", "X's statement") replaces the last, even when its issuer is unknown
      if (own || !det.includes("the")) {
        issuer = own?.entity;
        // "according to a statement issued by X", "a readout released by X ..., saying": the statement stands for
        // its issuer where it is named with them
        if (own?.named) addStatementRef(refs, s, si, k, own.entity);
        return;
      }
      if (!issuer || !det.includes("the")) return;
      addStatementRef(refs, s, si, k, issuer);
    });
  });
}

/** A ref from the statement noun at k (with its determiner and modifiers) to the body that issued it. */
function addStatementRef(refs: RefIndex, s: Sentence, si: number, k: number, issuer: string): void {
  if (refs.at(si, k)) return;
  const from = Math.min(k, ...childrenOf(s, k, ["det", "amod", "compound"]));
  const e = refs.entityById.get(issuer);
  if (e) refs.add({ sentence: si, from, to: k + 1, start: s.tokens[from]?.start ?? s.start, entity: issuer, kind: e.kind, nested: false, how: "nominal" });
}
