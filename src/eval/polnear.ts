// Direct-quotation attribution measured on PolNeAR (Newell et al., LREC 2018; corpora README section 4).
//
// Gold: every attribution (`E` line of the first annotator's `.ann` file, by sorted file name) whose Content
// is a DIRECT quotation: more than half of the Content's non-space characters lie inside a quoted stretch
// (“…”, "…" or ''…'' within one line; a stretch left open at the end of a line runs to the line's end, which is
// how quotations spanning paragraphs are written), and that covers at least half of the quoted stretches it
// touches (an attribution nested inside another speaker's long quotation is not direct). Single quotes ‘…’ are
// not counted (apostrophes, nested quotations, headline style). Brat offsets are code points, converted here to
// UTF-16 offsets.
//
// Prediction: `extractArticle(...).quotes` (only attributed quotations are output, so "detection" is measured
// on what the pipeline attributes). A predicted quote MATCHES an attribution when their character spans
// overlap by at least half of the shorter one (the Content length is the sum of its pieces). Each prediction
// is compared to the direct attributions first, and counted:
//   - matched to a direct attribution:        detection TP (precision side);
//   - else inside a non-direct attribution:    NEUTRAL, not scored (a quoted phrase inside indirect speech);
//   - else:                                    detection FP (scare quotes, titles, unannotated text).
// The speaker is RIGHT when one of the speaker entity's mentions overlaps the gold Source span, or, when the
// Source is not a proper name (a pronoun or description: "he", "the senator", "a spokesman"), when the entity's
// name or an alias matches the nearest preceding gold Source in the article that is a proper name (case-
// insensitive: the whole name, or the surname: the last capitalised word before any apposition, ", the senator from
// X", against an alias's last word). Capitalised party adjectives do not make a name ("the Republican nominee").
// Annotator slips where Source and Cue are swapped (Source "said", Cue "Hester") are swapped back.
// An attribution without a Source (`Attribution-no-source`) can be detected but never rightly attributed.
//
// Detection:   P = predictions matched / (matched + FP);     R = direct attributions matched by any prediction.
// Attribution: P = predictions matched with the right speaker / (matched + FP);
//              R = direct attributions matched by a prediction with the right speaker.
// Recall counts each attribution once, so a quotation split into two predictions ("“A,” he said. “B.”") is
// one recall item and two precision items. Micro-averaged over articles.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractArticle } from "../pipeline/article.js";
import type { ArticleExtraction, DocEntity, DocQuote, Span } from "../types.js";

/** Precision counts predictions and recall counts gold attributions, so the two sides are kept apart. */
export interface QuoteCounts {
  /** Predictions matched (and, for attribution, rightly attributed). */
  tp: number;
  /** Predictions matching no gold attribution (for attribution: also matched ones with the wrong speaker). */
  fp: number;
  /** Gold attributions found (rightly attributed). */
  found: number;
  /** Gold attributions not found (not rightly attributed). */
  fn: number;
}
export interface Prf { p: number; r: number; f: number }

export function quotePrf(c: QuoteCounts): Prf & QuoteCounts {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.found + c.fn ? c.found / (c.found + c.fn) : 0;
  return { ...c, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** One attribution of a `.ann` file; spans in the file's own (code-point) offsets. */
export interface AnnAttribution {
  id: string;
  content: Span[];
  source: Span[];
  cue: Span[];
}

export interface PolnearError {
  article: string;
  kind: "miss" | "wrong" | "extra";
  /** The quotation (gold Content from first to last piece, or the predicted quote), UTF-16 offsets. */
  span: Span;
  /** The gold Source span, UTF-16 offsets (absent for an extra or a source-less attribution). */
  source?: Span;
  /** The line of the article holding the quotation, shortened. */
  context: string;
  quote: string;
  /** Gold Source text ("" for an extra or a source-less attribution), and the proper name it stands for. */
  gold: string;
  goldName: string;
  /** Our speaker's name ("" for a miss). */
  ours: string;
}

export interface PolnearScore {
  articles: number;
  /** Words of the texts (as the pipeline counts them); wall and CPU seconds spent in `extractArticle`. */
  words: number;
  seconds: number;
  cpuSeconds: number;
  /** Gold direct attributions; predictions matched to one of them; predictions inside indirect speech (unscored). */
  gold: number;
  matched: number;
  neutral: number;
  detection: Prf & QuoteCounts;
  attribution: Prf & QuoteCounts;
  errors: PolnearError[];
}

const T_LINE = /^T(\d+)\t(\S+) ([\d ;]+)\t/;
const E_LINE = /^E(\d+)\t(.*)$/;

/** Brat standoff -> attributions. Lines other than `T`, `E` and `#` (continuations of a span's text) are skipped. */
export function parseAnn(ann: string): AnnAttribution[] {
  const spans = new Map<string, Span[]>();
  const out: AnnAttribution[] = [];
  const events: [string, string][] = [];
  for (const line of ann.split("\n")) {
    const t = T_LINE.exec(line);
    if (t) {
      spans.set(`T${t[1]}`, (t[3] ?? "").split(";").map((piece) => {
        const [a, b] = piece.trim().split(" ").map(Number);
        return { start: a ?? 0, end: b ?? 0 };
      }));
      continue;
    }
    const e = E_LINE.exec(line);
    if (e) events.push([`E${e[1]}`, e[2] ?? ""]);
  }
  for (const [id, args] of events) {
    const a: AnnAttribution = { id, content: [], source: [], cue: [] };
    for (const arg of args.trim().split(/\s+/)) {
      const [role, ref] = arg.split(":");
      const found = spans.get(ref ?? "") ?? [];
      if (role?.startsWith("Content")) a.content.push(...found);
      else if (role === "Source") a.source.push(...found);
      else if (role === "Cue") a.cue.push(...found);
    }
    if (a.content.length > 0) out.push(a);
  }
  return out;
}

/** Maps code-point offsets (brat) to UTF-16 offsets (JavaScript strings). */
export function codePointOffsets(text: string): (cp: number) => number {
  const table: number[] = [];
  let u = 0;
  for (const ch of text) { table.push(u); u += ch.length; }
  table.push(u);
  return (cp) => table[Math.min(Math.max(cp, 0), table.length - 1)] ?? u;
}

/** Stretches of the text inside double quote marks, marks included, paired per line. */
export function quotedStretches(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let open = -1;
    let straight = "";
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      const mark = c === "'" && line[i + 1] === "'" ? "''" : c === '"' ? '"' : c === "“" || c === "”" ? c : "";
      if (!mark) continue;
      if (open < 0 && mark !== "”") { open = i; straight = mark === "“" ? "" : mark; }
      else if (open >= 0 && (straight ? mark === straight : mark === "”")) {
        out.push({ start: lineStart + open, end: lineStart + i + mark.length });
        open = -1;
      }
      if (mark === "''") i++;
    }
    if (open >= 0) out.push({ start: lineStart + open, end: lineStart + line.length });
    lineStart += line.length + 1;
  }
  return out;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function length(spans: readonly Span[]): number {
  return spans.reduce((n, s) => n + s.end - s.start, 0);
}

/** Overlap of a span with a set of spans, over the shorter of the two. */
export function overlapRatio(pred: Span, gold: readonly Span[]): number {
  const shorter = Math.min(pred.end - pred.start, length(gold));
  return shorter > 0 ? gold.reduce((n, g) => n + overlap(pred, g), 0) / shorter : 0;
}

/**
 * More than half of the Content's non-space characters are inside quote marks, and the Content covers at least
 * half of the quoted stretches it touches: an attribution nested in someone else's long quotation (a quoted
 * block of another article, "she said she was ...") is not a direct quotation of its own.
 */
export function isDirect(text: string, content: readonly Span[], stretches: readonly Span[]): boolean {
  let total = 0;
  let inside = 0;
  const touched = new Set<Span>();
  for (const c of content) {
    for (let i = c.start; i < c.end; i++) {
      if (/\s/.test(text[i] ?? " ")) continue;
      total++;
      const s = stretches.find((x) => x.start <= i && i < x.end);
      if (s) { inside++; touched.add(s); }
    }
  }
  const touchedLength = length([...touched]);
  const covered = [...touched].reduce((n, s) => n + content.reduce((m, c) => m + overlap(s, c), 0), 0);
  return total > 0 && inside * 2 > total && covered * 2 >= touchedLength;
}

const NOT_NAMES = new Set([
  "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "this", "that",
  "these", "those", "both", "some", "many", "one", "two", "several", "others", "other", "another", "most", "all",
  "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "secretary",
  // Capitalised adjectives of descriptions ("the Republican nominee", "a Democratic strategist").
  "republican", "republicans", "democrat", "democrats", "democratic", "libertarian", "gop", "american", "americans",
]);

/** Capitalised words that are not pronouns, determiners, titles or party adjectives: a source with one is a name. */
function nameWords(source: string): string[] {
  return source.replace(/\([^)]*\)/g, " ").replace(/['’]s\b/g, "").split(/[^\p{L}\p{N}.-]+/u)
    .map((w) => w.replace(/\.$/, ""))
    .filter((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()));
}

export function isProperName(source: string): boolean {
  return nameWords(source).length > 0;
}

/** The head of a name with an apposition: "Megan Hester, senior associate at X" -> "Hester", "Gov. Earl Tomblin of West Virginia" -> "Tomblin". */
function surnameOf(source: string): string | undefined {
  const head = source.split(/,|\(| of | at | for | from | who | with /)[0] ?? source;
  return (nameWords(head).at(-1) ?? nameWords(source).at(-1))?.toLowerCase();
}

function norm(s: string): string {
  return s.toLowerCase().replace(/['’]s\b/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The entity is named by a gold proper name: the same name, or its last name word equals an alias's last word. */
export function namesMatch(entity: Pick<DocEntity, "name" | "aliases">, goldName: string): boolean {
  const gold = norm(goldName);
  const surname = surnameOf(goldName);
  return [entity.name, ...entity.aliases].some((alias) => {
    const a = norm(alias);
    return a === gold || (surname !== undefined && a.split(" ").at(-1) === surname);
  });
}

const SPEECH_VERB = /^(said|says|say|told|tells|added|adds|asked|asks|wrote|writes|explained|noted|stated)$/;

/** An annotator slip: the Source span is a speech verb and the Cue span a capitalised name; swap them. */
function swappedBack(text: string, a: AnnAttribution, at: (cp: number) => number): AnnAttribution {
  const covered = (spans: readonly Span[]) => spans.map((s) => text.slice(at(s.start), at(s.end))).join(" ").trim();
  if (!SPEECH_VERB.test(covered(a.source)) || !isProperName(covered(a.cue))) return a;
  return { ...a, source: a.cue, cue: a.source };
}

/** One direct attribution with its offsets in UTF-16, and the proper name its Source stands for. */
interface GoldQuote {
  content: Span[];
  source: Span[];
  sourceText: string;
  goldName: string;
}

function goldQuotes(text: string, ann: readonly AnnAttribution[]): { direct: GoldQuote[]; indirect: Span[][] } {
  const at = codePointOffsets(text);
  const conv = (spans: readonly Span[]) => spans.map((s) => ({ start: at(s.start), end: at(s.end) }));
  const stretches = quotedStretches(text);
  const named = ann.map((x) => swappedBack(text, x, at)).filter((a) => a.source.length > 0)
    .map((a) => ({ source: conv(a.source), text: conv(a.source).map((s) => text.slice(s.start, s.end)).join(" ") }))
    .sort((x, y) => (x.source[0]?.start ?? 0) - (y.source[0]?.start ?? 0));
  const direct: GoldQuote[] = [];
  const indirect: Span[][] = [];
  for (const a of ann.map((x) => swappedBack(text, x, at))) {
    const content = conv(a.content);
    if (!isDirect(text, content, stretches)) { indirect.push(content); continue; }
    const source = conv(a.source);
    const sourceText = source.map((s) => text.slice(s.start, s.end)).join(" ");
    let goldName = sourceText;
    if (source.length > 0 && !isProperName(sourceText)) {
      const from = source[0]?.start ?? 0;
      goldName = named.filter((n) => (n.source[0]?.start ?? 0) < from && isProperName(n.text)).at(-1)?.text ?? "";
    }
    direct.push({ content, source, sourceText, goldName });
  }
  return { direct, indirect };
}

function rightSpeaker(entity: DocEntity | undefined, gold: GoldQuote): boolean {
  if (!entity || gold.source.length === 0) return false;
  if (entity.mentions.some((m) => gold.source.some((s) => overlap(m, s) > 0))) return true;
  return !isProperName(gold.sourceText) && gold.goldName !== "" && namesMatch(entity, gold.goldName);
}

export interface ArticleCounts { detection: QuoteCounts; attribution: QuoteCounts; gold: number; matched: number; neutral: number; errors: PolnearError[] }

function contextOf(text: string, span: Span): string {
  const from = text.lastIndexOf("\n", span.start - 1) + 1;
  const to = text.indexOf("\n", span.end);
  const line = text.slice(from, to < 0 ? undefined : to);
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/** Scores one article's extraction against its attributions (code-point offsets, as in the `.ann` file). */
export function scoreArticle(id: string, text: string, ann: readonly AnnAttribution[], x: Pick<ArticleExtraction, "entities" | "quotes">): ArticleCounts {
  const { direct, indirect } = goldQuotes(text, ann);
  const entities = new Map(x.entities.map((e) => [e.id, e]));
  const found = new Array<boolean>(direct.length).fill(false);
  const right = new Array<boolean>(direct.length).fill(false);
  const wrongBy = new Map<number, DocQuote>();
  const r: ArticleCounts = { detection: { tp: 0, fp: 0, found: 0, fn: 0 }, attribution: { tp: 0, fp: 0, found: 0, fn: 0 }, gold: direct.length, matched: 0, neutral: 0, errors: [] };
  const error = (kind: PolnearError["kind"], span: Span, quote: string, gold: GoldQuote | undefined, ours: string) => {
    const e: PolnearError = { article: id, kind, span: { start: span.start, end: span.end }, context: contextOf(text, span), quote, gold: gold?.sourceText ?? "", goldName: gold?.goldName ?? "", ours };
    const source = gold?.source[0];
    if (source) e.source = { start: source.start, end: gold.source.at(-1)?.end ?? source.end };
    r.errors.push(e);
  };
  for (const q of x.quotes) {
    let best = -1;
    let bestRatio = 0.5;
    direct.forEach((g, i) => {
      const ratio = overlapRatio(q, g.content);
      if (ratio >= bestRatio) { best = i; bestRatio = ratio; }
    });
    const g = direct[best];
    if (!g) {
      if (indirect.some((c) => overlapRatio(q, c) >= 0.5)) { r.neutral++; continue; }
      r.detection.fp++;
      r.attribution.fp++;
      error("extra", q, q.text, undefined, entities.get(q.speaker)?.name ?? q.speaker);
      continue;
    }
    r.matched++;
    r.detection.tp++;
    found[best] = true;
    if (rightSpeaker(entities.get(q.speaker), g)) { r.attribution.tp++; right[best] = true; }
    else { r.attribution.fp++; wrongBy.set(best, q); }
  }
  direct.forEach((g, i) => {
    const span = { start: g.content[0]?.start ?? 0, end: g.content.at(-1)?.end ?? 0 };
    const quote = g.content.map((c) => text.slice(c.start, c.end)).join(" … ");
    if (found[i]) r.detection.found++;
    else { r.detection.fn++; error("miss", span, quote, g, ""); }
    if (right[i]) r.attribution.found++;
    else {
      r.attribution.fn++;
      const q = wrongBy.get(i);
      if (found[i] && q) error("wrong", span, quote, g, entities.get(q.speaker)?.name ?? q.speaker);
    }
  });
  return r;
}

/** Article name -> its first annotator's `.ann` file (by sorted file name). */
function firstAnnotations(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".ann")).sort()) {
    const name = f.replace(/_[^_]+\.ann$/, "");
    if (!out.has(name)) out.set(name, path.join(dir, f));
  }
  return out;
}

/** Runs the pipeline on every text of a PolNeAR split folder (`text/`, `attributions/`) and scores it. */
export function evaluatePolnear(splitDir: string): PolnearScore {
  for (const sub of ["text", "attributions"]) {
    if (!existsSync(path.join(splitDir, sub))) throw new Error(`polnear: no ${sub}/ folder in ${splitDir}; give a split folder such as polnear/dev`);
  }
  const annFiles = firstAnnotations(path.join(splitDir, "attributions"));
  const textDir = path.join(splitDir, "text");
  const names = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort();
  if (names.length === 0) throw new Error(`polnear: no .txt files in ${textDir}; give a split folder such as polnear/dev`);
  const total: ArticleCounts = { detection: { tp: 0, fp: 0, found: 0, fn: 0 }, attribution: { tp: 0, fp: 0, found: 0, fn: 0 }, gold: 0, matched: 0, neutral: 0, errors: [] };
  let seconds = 0;
  let cpuSeconds = 0;
  let articles = 0;
  let words = 0;
  for (const file of names) {
    const id = file.replace(/\.txt$/, "");
    const annFile = annFiles.get(id);
    if (!annFile) continue;
    articles++;
    const text = readFileSync(path.join(textDir, file), "utf8");
    const started = performance.now();
    const cpu = process.cpuUsage();
    const x = extractArticle({ id, text, title: text.split("\n", 1)[0]?.trim() || null, date: null, source: `polnear/${file}` });
    seconds += (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    cpuSeconds += (used.user + used.system) / 1e6;
    words += x.words;
    const a = scoreArticle(id, text, parseAnn(readFileSync(annFile, "utf8")), x);
    for (const k of ["detection", "attribution"] as const) {
      total[k].tp += a[k].tp; total[k].fp += a[k].fp; total[k].found += a[k].found; total[k].fn += a[k].fn;
    }
    total.gold += a.gold; total.matched += a.matched; total.neutral += a.neutral;
    total.errors.push(...a.errors);
  }
  return {
    articles,
    words,
    seconds,
    cpuSeconds,
    gold: total.gold,
    matched: total.matched,
    neutral: total.neutral,
    detection: quotePrf(total.detection),
    attribution: quotePrf(total.attribution),
    errors: total.errors,
  };
}
