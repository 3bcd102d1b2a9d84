// Entity merging measured on ECB+ (Cybulska & Vossen, LREC 2014; corpora/ecbplus/README.txt).
//
// ECB+ annotates, per topic (a folder of news documents about related events), mentions of participants and
// locations (HUMAN_PART_*, LOC_*) with within- and cross-document coreference chains. It measures whether
// newsgraph makes one node of the mentions that name one real thing, across the documents of a topic.
//
// Gold: every HUMAN_PART_* or LOC_* mention in a sentence the corpus lists as annotated for coreference
// (ECBplus_coreference_sentences.csv) that is NAMED: its words are capitalised, function words ("of", "the",
// "and", "for", "'s", ...) aside, and it is not a pronoun. Its chain is the instance its CROSS_DOC_COREF or
// INTRA_DOC_COREF relation points to; a mention in no relation is a chain of its own.
// Text: each document's tokens, detokenised (no space before closing punctuation, quotes as "), one sentence a
// line; the URL line of the 'ecbplus' documents is left out. Offsets of every token are kept.
// Prediction: every document of the topic is extracted and the topic's graph merged (graph/merge.ts), so each
// article entity becomes a node. A gold mention is ALIGNED to the entity mention of the same document whose span
// ends where it ends (names end in their head word: gold "the Promises Treatment Center" and ours "Promises
// Treatment Center"), else to the one overlapping it most; unaligned gold mentions are counted, not scored.
// Scores, over aligned mentions only (each topic apart, then summed):
//   B-cubed     per mention: P = |gold chain ∩ node| / |node|, R = |gold chain ∩ node| / |gold chain|, with chain and
//               node restricted to aligned mentions, averaged over mentions;
//   pairwise    cross-document pairs of aligned mentions: a pair is predicted when both are on one node and gold
//               when both are in one chain (within-document pairs are left out: they measure in-article resolution,
//               not merging across articles).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractArticle } from "../pipeline/article.js";
import { mergeWithMap } from "../graph/merge.js";
import type { ArticleExtraction } from "../types.js";

export interface EcbOptions {
  /** Run cross-article resolution (the corpus stage); false measures equal-name merging alone. */
  corpus?: boolean;
  /** Topic folder names to score (default: every numbered folder). */
  topics?: string[];
}

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export interface EcbScore {
  topics: number;
  documents: number;
  /** Named gold mentions in annotated sentences. */
  gold: number;
  /** Of those, aligned to a newsgraph entity mention. */
  aligned: number;
  /** Gold chains among the aligned mentions. */
  chains: number;
  bcubed: Prf;
  pairwise: Prf & { predicted: number; goldPairs: number; right: number };
  seconds: number;
}

interface GoldMention {
  doc: string;
  start: number;
  end: number;
  chain: string;
  text: string;
}

interface EcbDocument {
  id: string;
  text: string;
  mentions: GoldMention[];
}

const ENTITY_TAG = /^(HUMAN_PART|LOC)/;
const FUNCTION_WORDS = new Set(["of", "the", "and", "for", "on", "in", "at", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "'s", "'", "-", "&", ".", ","]);
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its", "their", "our", "my", "your", "who", "whom", "whose", "this", "that", "these", "those", "which", "someone", "anyone", "everyone", "one", "both", "all", "some"]);
const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'|n't|''|'re|'ve|'ll|'d|'m)$/i;

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCharCode(Number(e.slice(1))));
}

/** Is a gold mention's token list a name? */
export function isNamed(words: readonly string[]): boolean {
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && /\p{L}/u.test(w));
  if (content.length === 0) return false;
  if (content.length === 1 && PRONOUNS.has(content[0]!.toLowerCase())) return false;
  return content.every((w) => /^\p{Lu}/u.test(w));
}

/** Reads one ECB+ XML document into text with offsets, and its named entity mentions with their chains. */
export function readEcbDocument(file: string, selected: ReadonlySet<number> | undefined): EcbDocument {
  const xml = readFileSync(file, "utf8");
  const id = path.basename(file, ".xml");
  const plus = id.endsWith("plus");
  const tokens = new Map<string, { sentence: number; start: number; end: number; text: string }>();
  let text = "";
  let sentence = -1;
  let skip = false;
  let prev = "";
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const s = Number(m[2]);
    let t = unescapeXml(m[3]!);
    if (t === "``" || t === "''") t = '"';
    if (s !== sentence) {
      sentence = s;
      skip = plus && s === 0; // the URL the document was found at
      if (!skip && text.length > 0) text += "\n";
      prev = "";
    }
    if (skip || t.length === 0) continue;
    if (prev !== "" && !NO_SPACE_BEFORE.test(t) && prev !== "(" && prev !== "$") text += " ";
    const start = text.length;
    text += t;
    tokens.set(m[1]!, { sentence: s, start, end: text.length, text: t });
    prev = t;
  }
  // markables: token-anchored mentions, and the instances (no anchors) chains point to
  const anchored = new Map<string, { tag: string; tokens: string[] }>();
  const instance = new Map<string, string>();
  const markables = xml.slice(xml.indexOf("<Markables>"), xml.indexOf("</Markables>"));
  for (const m of markables.matchAll(/<([A-Z_]+) m_id="(\d+)"([^>]*?)(\/?)>([\s\S]*?)(?=<[A-Z_]+ m_id=|$)/g)) {
    const [, tag, mid, attrs, selfClosing, body] = m;
    if (selfClosing === "/") {
      const inst = /instance_id="([^"]*)"/.exec(attrs!)?.[1];
      if (inst) instance.set(mid!, inst);
      continue;
    }
    anchored.set(mid!, { tag: tag!, tokens: [...body!.matchAll(/t_id="(\d+)"/g)].map((t) => t[1]!) });
  }
  const chainOf = new Map<string, string>();
  const relations = xml.slice(xml.indexOf("<Relations>"));
  for (const m of relations.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF)[^>]*>([\s\S]*?)<\/\1>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[2]!)?.[1];
    if (!target) continue;
    const chain = instance.get(target) ?? `${id}#${target}`;
    if (anchored.has(target)) chainOf.set(target, chain);
    for (const s of m[2]!.matchAll(/<source m_id="(\d+)"/g)) chainOf.set(s[1]!, chain);
  }
  const mentions: GoldMention[] = [];
  for (const [mid, a] of anchored) {
    if (!ENTITY_TAG.test(a.tag)) continue;
    const toks = a.tokens.map((t) => tokens.get(t)).filter((t) => t !== undefined);
    if (toks.length === 0 || toks.length !== a.tokens.length) continue;
    if (selected && !selected.has(toks[0]!.sentence)) continue;
    if (!isNamed(toks.map((t) => t.text))) continue;
    const start = Math.min(...toks.map((t) => t.start));
    const end = Math.max(...toks.map((t) => t.end));
    mentions.push({ doc: id, start, end, chain: chainOf.get(mid) ?? `${id}#${mid}`, text: text.slice(start, end) });
  }
  mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  return { id, text, mentions };
}

/** ECBplus_coreference_sentences.csv: "topic_file" -> annotated sentence numbers. */
function readSelection(dir: string): Map<string, Set<number>> | undefined {
  const candidates = [path.join(dir, "ECBplus_coreference_sentences.csv"), path.join(dir, "..", "ECBplus_coreference_sentences.csv"), path.join(dir, "..", "..", "ECBplus_coreference_sentences.csv")];
  const file = candidates.find((f) => existsSync(f));
  if (!file) return undefined;
  const out = new Map<string, Set<number>>();
  for (const line of readFileSync(file, "utf8").split(/\r?\n/).slice(1)) {
    const [topic, name, sentence] = line.split(",");
    if (!topic || !name || sentence === undefined) continue;
    const key = `${topic}_${name}`;
    (out.get(key) ?? out.set(key, new Set()).get(key))!.add(Number(sentence));
  }
  return out;
}

/** The topic folders under DIR (numbered folders), or DIR itself when it holds the XML files. */
function topicFolders(dir: string, only: string[] | undefined): string[] {
  if (!existsSync(dir)) throw new Error(`ecb: no folder ${dir}`);
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith(".xml"))) return [dir];
  let root = dir;
  if (entries.some((e) => e.isDirectory() && e.name === "ECB+")) root = path.join(dir, "ECB+");
  const topics = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+$/.test(e.name) && (!only || only.includes(e.name)))
    .map((e) => e.name)
    .sort((a, b) => Number(a) - Number(b));
  if (topics.length === 0) throw new Error(`ecb: no topic folders (1, 2, ...) in ${root}; give the ecbplus folder or one topic`);
  return topics.map((t) => path.join(root, t));
}

/** The node each gold mention lands on, or undefined when no entity mention aligns with it. */
function alignMentions(doc: EcbDocument, x: ArticleExtraction, nodeOf: Map<string, string>): (string | undefined)[] {
  const ours = x.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, node: nodeOf.get(`${x.article.id}|${e.id}`) })));
  return doc.mentions.map((g) => {
    const sameEnd = ours.find((o) => o.end === g.end && o.start < g.end);
    if (sameEnd) return sameEnd.node;
    let best: { node: string | undefined; overlap: number } | undefined;
    for (const o of ours) {
      const overlap = Math.min(o.end, g.end) - Math.max(o.start, g.start);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { node: o.node, overlap };
    }
    return best?.node;
  });
}

const prf = (p: number, r: number): Prf => ({ p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 });

/** Scores newsgraph's merges on an ECB+ folder (the corpus folder, its ECB+ folder, or one topic folder). */
export function evaluateEcb(dir: string, options: EcbOptions = {}): EcbScore {
  const started = performance.now();
  const selection = readSelection(dir);
  let documents = 0, gold = 0, aligned = 0, chains = 0;
  let bp = 0, br = 0;
  let predicted = 0, goldPairs = 0, right = 0;
  const folders = topicFolders(dir, options.topics);
  for (const folder of folders) {
    const files = readdirSync(folder).filter((f) => f.endsWith(".xml")).sort();
    const docs = files.map((f) => readEcbDocument(path.join(folder, f), selection?.get(path.basename(f, ".xml"))));
    documents += docs.length;
    const extractions = docs.map((d) => extractArticle({ id: d.id, text: d.text, title: null, date: null, source: d.id }));
    const { nodeOf } = mergeWithMap(extractions, { corpus: options.corpus !== false });
    const items: { doc: string; chain: string; node: string }[] = [];
    docs.forEach((d, i) => {
      gold += d.mentions.length;
      alignMentions(d, extractions[i]!, nodeOf).forEach((node, k) => {
        if (node) items.push({ doc: d.id, chain: d.mentions[k]!.chain, node });
      });
    });
    aligned += items.length;
    const chainSize = new Map<string, number>(), nodeSize = new Map<string, number>(), both = new Map<string, number>();
    for (const it of items) {
      chainSize.set(it.chain, (chainSize.get(it.chain) ?? 0) + 1);
      nodeSize.set(it.node, (nodeSize.get(it.node) ?? 0) + 1);
      both.set(`${it.chain}\u0000${it.node}`, (both.get(`${it.chain}\u0000${it.node}`) ?? 0) + 1);
    }
    chains += chainSize.size;
    for (const it of items) {
      const n = both.get(`${it.chain}\u0000${it.node}`)!;
      bp += n / nodeSize.get(it.node)!;
      br += n / chainSize.get(it.chain)!;
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!, b = items[j]!;
        if (a.doc === b.doc) continue;
        const p = a.node === b.node, g = a.chain === b.chain;
        if (p) predicted++;
        if (g) goldPairs++;
        if (p && g) right++;
      }
    }
  }
  return {
    topics: folders.length, documents, gold, aligned, chains,
    bcubed: aligned > 0 ? prf(bp / aligned, br / aligned) : prf(0, 0),
    pairwise: { ...prf(predicted > 0 ? right / predicted : 0, goldPairs > 0 ? right / goldPairs : 0), predicted, goldPairs, right },
    seconds: (performance.now() - started) / 1000,
  };
}
