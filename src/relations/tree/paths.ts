// The paths a relation pattern names, from its trigger to the entities it relates. Each reads the parse through
// src/nlp/parse/paths.ts (subject, object, agent, conjuncts, ...) and returns refs, never raw tokens.
import type { Sentence } from "../../types.js";
import type { Ref } from "../../resolve/refs.js";
import { baseRelation, childrenOf, depthBelow, isReducedPassive, objectsOf, passiveAgentOf, subjectsOf, subtreeSpan, withConjuncts } from "../../nlp/parse/paths.js";
import { wordClass } from "../../data/word-classes.js";
import { lexicon } from "../../extract/lexicon.js";
import { headOfRef, quoteAt, refOfNode, refsOfNodes, type TreeContext } from "./context.js";

export const SOURCE_PATHS = ["subject", "any-subject", "agent", "holder", "self", "noun-owner"] as const;
export type SourcePath = (typeof SOURCE_PATHS)[number];
export const TARGET_PATHS = ["object", "passive-subject", "co-subject", "complement", "content", "affiliation", "located"] as const;
export type TargetPath = (typeof TARGET_PATHS)[number] | `oblique:${string}`;

/** Where a pattern is anchored: the trigger's head token, its span, and what the trigger brought. */
export interface Anchor {
  si: number;
  node: number;
  from: number;
  to: number;
  /** The entity a place or organization trigger names. */
  ref?: Ref;
  /** The preposition a verb entry names for its other party, or a phrase's last word. */
  preposition?: string;
}

const BASED = wordClass("based-verbs");
const ARGUMENT = wordClass("argument-verbs");
const MEMBERSHIP_ROLES = wordClass("membership-roles");

function sentence(ctx: TreeContext, a: Anchor): Sentence {
  return ctx.article.sentences[a.si] as Sentence;
}

/** Case marker of node k ("in", "of", ...), lower-cased, or "". */
function caseOf(s: Sentence, k: number): string {
  const c = childrenOf(s, k, ["case"])[0];
  return c === undefined ? "" : (s.tokens[c]?.text.toLowerCase() ?? "");
}

/** Obliques and nominal modifiers of node k introduced by `prep`, with their conjuncts. */
function obliques(s: Sentence, k: number, prep: string): number[] {
  const out: number[] = [];
  s.tokens.forEach((t, j) => {
    const rel = baseRelation(t.deprel);
    if (t.head === k && (rel === "obl" || rel === "nmod") && caseOf(s, j) === prep) out.push(...withConjuncts(s, j));
  });
  return out;
}

const TITLE_LINKS = ["appos", "flat", "compound", "nmod:desc"];

/**
 * Nodes that name the holder of a role noun: a name beside it, the name it is the title of, a copula subject.
 * "X and Y, a spokesman for Z": an apposition after coordinated names describes the nearest of them.
 */
function holders(s: Sentence, k: number): number[] {
  const t = s.tokens[k];
  // titles written before names ("Secretary X, Adviser Y") are read from the tokens (resolve/roles.ts): in lists
  // of them the parser's attachments go astray; here only appositions and copulas ("X, a spokesman for Y")
  const out = [...childrenOf(s, k, ["appos", "nsubj"])];
  if (t && t.deprel === "appos" && (t.head ?? -1) >= 0) {
    const named = withConjuncts(s, t.head!).filter((c) => c < k);
    out.push(t.deprel === "appos" && named.length > 0 ? named[named.length - 1]! : t.head!);
  }
  // a role given or taken by a verb: "declared X Peru's president", "X became / was elected president of Y",
  // "X was sworn in as Peru's president": the verb's object, else its subject
  const v = t?.head ?? -1;
  if (t && v >= 0 && (t.deprel === "xcomp" || (baseRelation(t.deprel) === "obl" && caseOf(s, k) === "as"))) {
    const objects = childrenOf(s, v, ["obj"]);
    out.push(...(objects.length > 0 ? objects : subjectsOf(s, v)));
  }
  return out;
}

/** Nodes that name what a role or body belongs to: possessor, "of/for/to/at" phrase, compound or adjective. */
function affiliations(s: Sentence, k: number): number[] {
  const out = [...childrenOf(s, k, ["nmod:poss", "compound", "amod"])];
  // an envoy's "for" names where they are sent, not whom they serve: "Pakistan's special representative for Afghanistan"
  const envoy = lexicon().roles.get(s.tokens[k]?.text.toLowerCase() ?? "")?.group === "envoy";
  for (const p of envoy ? ["of", "at", "from"] : ["of", "for", "at", "from"]) out.push(...obliques(s, k, p));
  return out;
}

export function sourceRefs(ctx: TreeContext, a: Anchor, path: SourcePath): Ref[] {
  const s = sentence(ctx, a);
  switch (path) {
    case "subject": {
      let subjects = subjectsOf(s, a.node);
      // "arrived ... to meet with X": a purpose clause's subject is its main clause's
      const t = s.tokens[a.node];
      if (subjects.length === 0 && t?.deprel === "advcl" && (t.head ?? -1) >= 0 && childrenOf(s, a.node, ["mark"]).some((m) => s.tokens[m]?.text.toLowerCase() === "to")) subjects = subjectsOf(s, t.head!);
      return refsOfNodes(ctx, a.si, subjects.filter((k) => s.tokens[k]?.deprel !== "nsubj:pass"));
    }
    case "any-subject":
      return refsOfNodes(ctx, a.si, subjectsOf(s, a.node));
    case "agent":
      return refsOfNodes(ctx, a.si, passiveAgentOf(s, a.node));
    case "holder": {
      // countries and bodies hold memberships too: "Hungary, a member of the EU"
      const member = MEMBERSHIP_ROLES.has(s.tokens[a.node]?.text.toLowerCase() ?? "");
      const found = refsOfNodes(ctx, a.si, holders(s, a.node)).filter((r) => r.kind === "person" || (member && r.kind !== "place"));
      return found.length > 0 ? found : [];
    }
    case "self":
      return a.ref ? [a.ref] : [];
    case "noun-owner": {
      // "Modi's visit to", "X, on a visit to", "In a meeting with Y, X said": the possessor, else the clause's subject
      const own = refsOfNodes(ctx, a.si, [...childrenOf(s, a.node, ["nmod:poss"]), ...subjectsOf(s, a.node)]);
      if (own.length > 0) return own;
      let k = a.node;
      for (let up = 0; up < 3 && k >= 0; up++) {
        const t = s.tokens[k];
        if (!t || (t.head ?? -1) < 0) break;
        const rel = baseRelation(t.deprel);
        k = t.head!;
        if (rel === "obj" || rel === "obl" || rel === "nmod" || rel === "advcl") {
          const subj = refsOfNodes(ctx, a.si, subjectsOf(s, k)).filter((r) => r.kind !== "place");
          if (subj.length > 0) return subj;
        }
        if (rel !== "nmod" && rel !== "conj") break;
      }
      return [];
    }
  }
}

/** Whose thing an unnamed noun is: its possessor ("India's fight"), else the noun after "of" ("the people of X"). */
function ownerOf(s: Sentence, k: number): number | undefined {
  return childrenOf(s, k, ["nmod:poss"])[0] ?? obliques(s, k, "of")[0];
}

export function targetRefs(ctx: TreeContext, a: Anchor, path: TargetPath): Ref[] {
  const s = sentence(ctx, a);
  if (path.startsWith("oblique:")) {
    const prep = path.slice("oblique:".length);
    const p = prep.startsWith("@") ? a.preposition : prep;
    if (!p) return [];
    // the phrase's preposition may hang from its noun: "express support for X", "hold talks with X"
    // ... or from the verb whose object the noun is ("expressed strong opposition to X", "offered praise for Y":
    // the parser often hangs the phrase on the light verb)
    const light = s.tokens[a.node]?.deprel === "obj" && s.tokens[a.node]?.upos === "NOUN" ? [s.tokens[a.node]!.head!] : [];
    const heads = [a.node, ...childrenOf(s, a.node, ["obj"]), ...light];
    // "support for the people of Afghanistan", "support for India's fight": an unnamed noun stands for its owner
    const nodes = heads.flatMap((h) => p.split("|").flatMap((q) => obliques(s, h, q)));
    return refsOfNodes(ctx, a.si, nodes.map((k) => (refOfNode(ctx, a.si, k) ? k : ownerOf(s, k) ?? k)));
  }
  switch (path) {
    case "object":
      return refsOfNodes(ctx, a.si, objectsOf(s, a.node));
    case "passive-subject":
      return refsOfNodes(ctx, a.si, subjectsOf(s, a.node).filter((k) => s.tokens[k]?.deprel !== "nsubj" || s.tokens[a.node]?.deprel === "acl" || isReducedPassive(s, a.node)));
    case "co-subject":
      return refsOfNodes(ctx, a.si, subjectsOf(s, a.node));
    case "complement": {
      // what the reported clause is about: its subject, else its object, else the first name inside it; a quoted
      // clause is left to quote attribution, and an argument ("stressed that ...") states nothing about anyone
      const out: Ref[] = [];
      if (ARGUMENT.has(s.tokens[a.node]?.text.toLowerCase() ?? "")) return out;
      for (const c of childrenOf(s, a.node, ["ccomp"])) {
        const named = (rs: Ref[]) => rs.filter((r) => r.how !== "pronoun" && quoteAt(ctx, r.start) < 0);
        let found = named(refsOfNodes(ctx, a.si, subjectsOf(s, c)));
        if (found.length === 0) found = named(refsOfNodes(ctx, a.si, objectsOf(s, c)));
        if (found.length === 0) {
          const [lo, hi] = subtreeSpan(s, c);
          // the most prominent name: the one nearest the clause's head ("by the Russia-backed separatist forces": the forces)
          const first = mostProminent(s, named((ctx.refs.bySentence[a.si] ?? []).filter((r) => !r.nested && r.from >= lo && r.to <= hi + 1)), c)[0];
          if (first) found = [first];
        }
        out.push(...found);
      }
      return out;
    }
    case "content": {
      // "announced its agreement to buy X", "announced the liberation of X and Y": the names inside what is announced
      // only the most prominent of them (nearest the content's head, conjuncts alike): "announced it would buy
      // America's Monsanto" is about Monsanto, not America
      const out: Ref[] = [];
      const subjects = new Set(subjectsOf(s, a.node));
      for (const c of [...childrenOf(s, a.node, ["obj", "ccomp"])]) {
        const [lo, hi] = subtreeSpan(s, c);
        const inside = (ctx.refs.bySentence[a.si] ?? []).filter((r) => !(r.nested || r.how === "pronoun" || r.from < lo || r.to > hi + 1 || quoteAt(ctx, r.start) >= 0) && ![...subjects].some((k) => k >= r.from && k < r.to));
        out.push(...mostProminent(s, inside, c));
      }
      return out;
    }
    case "affiliation": {
      // the role noun's own modifiers, then those of the name it is the title of ("Pakistan's Ambassador Khan")
      const nodes = [...affiliations(s, a.node), ...holders(s, a.node).flatMap((h) => affiliations(s, h))];
      return refsOfNodes(ctx, a.si, nodes).filter((r) => r.kind === "country" || r.kind === "organization");
    }
    case "located": {
      // "X in Washington", "X, a think tank in Washington", "X, based in Washington"
      const described = [a.node, ...childrenOf(s, a.node, ["appos"])];
      const based = described.flatMap((k) => childrenOf(s, k, ["acl", "amod"]).filter((c) => BASED.has(s.tokens[c]?.text.toLowerCase() ?? "")));
      const nodes = [...described, ...based].flatMap((k) => [...obliques(s, k, "in"), ...obliques(s, k, "at")]);
      return refsOfNodes(ctx, a.si, nodes).filter((r) => r.kind === "place" || r.kind === "country");
    }
  }
  return [];
}

export { refOfNode };

/** The refs, in order, whose head lies nearest to `top` in the tree (conjuncts count as near as the first). */
function mostProminent(s: Sentence, refs: readonly Ref[], top: number): Ref[] {
  const depths = refs.map((r) => depthBelow(s, headOfRef(s, r), top));
  const least = Math.min(...depths);
  return refs.filter((_, i) => depths[i] === least);
}
