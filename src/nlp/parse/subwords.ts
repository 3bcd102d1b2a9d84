// Our tokens -> the words the parser was trained on (UD English EWT conventions), and the parse back onto our
// tokens. Our tokenizer (src/nlp/tokenize.ts, which other stages depend on) keeps "don't", "they're" and
// "well-known" whole and cuts "Mr." into "Mr" + "."; UD splits "do" + "n't", "they" + "'re", "well" + "-" +
// "known" (except after prefixes such as "e-", "co-", "non-") and keeps "Mr." and "..." whole.

/** How one sentence's tokens map to parser words. */
export interface SubwordMap {
  words: string[];
  /** Per word: the index of the first of our tokens it comes from. */
  owner: number[];
  /** Per our token: the index of its first word, and how many words it became (0: merged into the previous word). */
  first: number[];
  count: number[];
}

const NEG = /^(.+?)(n['’]t)$/i;
const CLITIC = /^(.+?)(['’](?:s|m|re|ve|ll|d))$/i;
/** Hyphenated prefixes EWT keeps inside one token ("e-mail", "co-workers", "non-human"). */
const KEEP_PREFIX = new Set(["e", "co", "pre", "post", "non", "re", "anti", "multi", "semi", "ex", "mid", "pro", "sub", "inter", "counter", "vice"]);
/** Abbreviations UD writes with their period. */
const ABBREV = new Set(["mr", "mrs", "ms", "dr", "st", "inc", "co", "corp", "ltd", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "vs", "no", "mt", "ft", "rev", "maj", "adm", "cmdr", "cpl", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "etc"]);

const PUNCT_RUN = /^[.!?-]+$/;
/** Titles British news writes without their period. */
const UNDOTTED_TITLE = /^(?:Mr|Mrs|Ms|Dr)$/;

/** Splits one token into UD words (most tokens come back as themselves). */
export function splitToken(t: string): string[] {
  const lower = t.toLowerCase();
  if (lower === "cannot") return [t.slice(0, 3), t.slice(3)];
  const neg = NEG.exec(t);
  if (neg) return [neg[1]!, neg[2]!];
  const cl = CLITIC.exec(t);
  if (cl && cl[1]!.length > 0) return [...splitToken(cl[1]!), cl[2]!];
  if (t.length > 2 && t.includes("-") && /\p{L}/u.test(t)) {
    const parts = t.split("-");
    if (parts.some((p) => p === "") || KEEP_PREFIX.has(parts[0]!.toLowerCase())) return [t];
    const out: string[] = [];
    parts.forEach((p, i) => (i > 0 ? out.push("-", p) : out.push(p)));
    return out;
  }
  return [t];
}

/**
 * The parser words of one sentence. `adjacent(i)` tells whether token i + 1 follows token i with no space between
 * (needed to glue "Mr" and "."); our tokenizer gives offsets, so callers pass `tokens[i].end === tokens[i + 1].start`.
 */
export function toSubwords(tokens: readonly string[], adjacent: (i: number) => boolean): SubwordMap {
  const map: SubwordMap = { words: [], owner: [], first: [], count: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = i > 0 ? tokens[i - 1]! : "";
    const last = map.words.length - 1;
    const abbrev = t === "." && map.count[i - 1] === 1 && ABBREV.has(prev.toLowerCase()) && i + 1 < tokens.length;
    // "..." and "--", "!!", "?!" are one word in UD; our tokenizer gives one token per mark
    const marks = PUNCT_RUN.test(t) && map.first[i - 1] === last && PUNCT_RUN.test(map.words[last] ?? "");
    if (i > 0 && adjacent(i - 1) && (abbrev || marks)) {
      map.words[last] += t;
      map.first.push(map.words.length - 1);
      map.count.push(0);
      continue;
    }
    // British style writes "Mr Ebbers", "Ms Short" with no period; EWT (American web text) has "Mr." and tags a
    // bare "Ms" as a pronoun, so the parser sees the dotted form
    const parts = UNDOTTED_TITLE.test(t) && tokens[i + 1] !== "." ? [`${t}.`] : splitToken(t);
    map.first.push(map.words.length);
    map.count.push(parts.length);
    for (const p of parts) {
      map.words.push(p);
      map.owner.push(i);
    }
  }
  return map;
}

/** Per-token analysis on our tokens: heads are token indices (-1: root). */
export interface TokenParse {
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

/**
 * Maps a parse of the words back onto our tokens. A token made of several words takes the analysis of the word
 * whose head lies outside the token ("do" of "don't", not "n't"); a mark glued to the previous token ("Mr" + ".",
 * "." + "." + ".") is punct of that token.
 */
export function fromSubwords(map: SubwordMap, p: { upos: readonly string[]; xpos: readonly string[]; heads: readonly number[]; deprels: readonly string[] }): TokenParse {
  const out: TokenParse = { upos: [], xpos: [], heads: [], deprels: [] };
  for (let i = 0; i < map.first.length; i++) {
    const f = map.first[i]!;
    const c = map.count[i]!;
    if (c === 0) {
      out.upos.push("PUNCT");
      out.xpos.push(".");
      out.heads.push(map.owner[f]!);
      out.deprels.push("punct");
      continue;
    }
    let w = f;
    for (let j = f; j < f + c; j++) {
      const h = p.heads[j]!;
      if (h < f || h >= f + c) {
        w = j;
        break;
      }
    }
    const h = p.heads[w]!;
    out.upos.push(p.upos[w]!);
    out.xpos.push(p.xpos[w]!);
    out.heads.push(h < 0 ? -1 : map.owner[h]!);
    out.deprels.push(p.deprels[w]!);
  }
  return out;
}
