// `newsgraph eval`: measures the pipeline against gold data. One function per mode, picked by the flag given.
import { parseArgs, stringFlag, UsageError, type ParsedArgs } from "../args.js";
import type { Command, CommandIO } from "../command.js";
import { ConllScorer, formatScore } from "../../eval/conll.js";
import { readConll } from "../../nlp/ner/conll.js";
import { loadTagger, tagDocuments } from "../../nlp/ner/tagger.js";
import { evaluateGold, readGoldFile } from "../../eval/gold.js";
import type { Prf } from "../../eval/graph-score.js";
import { evaluatePolnear, type QuoteCounts } from "../../eval/polnear.js";
import { formatUdScore } from "../../eval/ud.js";
import { runUd } from "../../eval/ud-run.js";
import { loadAnnotator } from "../../nlp/parse/index.js";
import { evaluateEcb, type EcbScore } from "../../eval/ecb.js";
import { evaluateConll04, readConll04 } from "../../eval/conll04.js";

const USAGE = `newsgraph eval --conll FILE     entity P/R/F1 (conlleval definition) of the NER tagger on a CoNLL-2003 file
newsgraph eval --gold FILE.jsonl  score the pipeline against hand-annotated articles (gold README format) [--details]
newsgraph eval --polnear DIR      direct-quotation detection and attribution P/R/F1 on a PolNeAR split folder
                                  (e.g. corpora/polnear/dev) [--details lists misses, wrong speakers, extras]
newsgraph eval --ud FILE.conllu   UPOS accuracy, UAS and LAS of the tagger and parser (predicted tags), on the gold
                                  words and on our own tokenization of each sentence's text; tokens/s
newsgraph eval --ecb DIR          entity merging on ECB+ (corpora/ecbplus, its ECB+ folder or one topic): B-cubed and
                                  cross-document pairwise P/R/F1 over named mentions aligned to ours, one graph per
                                  topic [--topics 1,2,...] [--no-corpus: equal names only, no cross-article resolution]
                                  [--details: chains split over nodes, nodes joining chains]
newsgraph eval --conll04 FILE.jsonl  relation P/R/F1 on CoNLL04 sentences (corpora/conll04/test.jsonl), its types
                                  mapped onto our vocabulary by data/conll04-relations.json; one article per sentence
`;

/** --ud: tag and parse a CoNLL-U file on gold words and on our tokenization. */
async function evalUd(file: string, io: CommandIO): Promise<number> {
  const loadStart = performance.now();
  const annotator = loadAnnotator();
  const loadMs = performance.now() - loadStart;
  const r = runUd(file, annotator);
  io.stdout.write(
    `${file}: ${r.gold.sentences} sentences, ${r.gold.words} words\n` +
      `gold tokens:       ${formatUdScore(r.gold)}\n` +
      `our tokenization:  ${formatUdScore(r.ours)}\n` +
      `  (${(100 * r.tokenF).toFixed(2)}% of gold words have a word of the same span in our tokenization; the others count as wrong)\n` +
      `Punctuation (gold UPOS PUNCT) is excluded from UAS and LAS, as asked for newsgraph; note the CoNLL 2018 shared task's ` +
      `official LAS counts every word (the "every word counted" figures). LAS compares universal relations, as CoNLL 2018 does.\n` +
      `words/s (one thread, gold tokens): tagging ${Math.round(r.tagWordsPerSecond)}, tagging + parsing ${Math.round(r.wordsPerSecond)}  (model load ${loadMs.toFixed(0)} ms)\n`,
  );
  return 0;
}

/** --conll: tag every sentence of a CoNLL file (tokens only) and score exact span + type. */
async function evalConll(file: string, io: CommandIO): Promise<number> {
  const sentences = readConll(file);
  const loadStart = performance.now();
  const tagger = loadTagger();
  const loadMs = performance.now() - loadStart;
  const start = performance.now();
  // document by document, as the tagger runs on articles (non-local features from earlier sentences)
  const predicted = tagDocuments(tagger, sentences);
  const secs = (performance.now() - start) / 1000;
  const scorer = new ConllScorer();
  sentences.forEach((s, i) => scorer.add(s.tags, predicted[i]!));
  const score = scorer.score();
  io.stdout.write(`${file}: ${score.sentences} sentences\n${formatScore(score)}\n`);
  io.stdout.write(
    `tokens ${score.tokens}  seconds ${secs.toFixed(3)}  tokens/s ${Math.round(score.tokens / secs)}  (model load ${loadMs.toFixed(0)} ms)\n`,
  );
  return 0;
}

/** --gold: build each annotated article's graph alone and score it (gold README definitions). */
async function evalGold(file: string, details: boolean, io: CommandIO): Promise<number> {
  const started = performance.now();
  const score = evaluateGold(readGoldFile(file));
  const fmt = (x: Prf) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)}`;
  if (details) {
    for (const a of score.articles) {
      io.stdout.write(`## ${a.id}\n`);
      for (const m of a.misses) io.stdout.write(`  miss  ${m}\n`);
      for (const x of a.extras) io.stdout.write(`  extra ${x}\n`);
    }
  }
  io.stdout.write(
    `articles ${score.articles.length}\nentities (any kind)   ${fmt(score.entities)}\nentities (kind right) ${fmt(score.typedEntities)}\n` +
      `relations (typed)     ${fmt(score.relations)}\nquote attribution     ${fmt(score.quotes)}\n` +
      `${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
  return 0;
}

/** --polnear: run the pipeline on a PolNeAR split and score direct quotations (definitions in eval/polnear.ts). */
async function evalPolnear(dir: string, details: boolean, io: CommandIO): Promise<number> {
  const s = evaluatePolnear(dir);
  if (details) {
    for (const e of s.errors) {
      const who = e.kind === "extra" ? `ours "${e.ours}"` : `gold "${e.gold}"${e.goldName && e.goldName !== e.gold ? ` (= ${e.goldName})` : ""}${e.ours ? ` ours "${e.ours}"` : ""}`;
      io.stdout.write(`${e.kind.padEnd(5)} ${e.article}  ${who}\n      quote: ${e.quote.slice(0, 160)}\n      line:  ${e.context}\n`);
    }
  }
  const fmt = (x: Prf & QuoteCounts) =>
    `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)}  (predictions right ${x.tp} wrong ${x.fp}; gold found ${x.found} missed ${x.fn})`;
  io.stdout.write(
    `${dir}: ${s.articles} articles, ${s.gold} gold direct quotations, ${s.matched + s.detection.fp + s.neutral} predicted ` +
      `(${s.neutral} inside indirect speech, not scored)\n` +
      `quote detection    ${fmt(s.detection)}\nquote attribution  ${fmt(s.attribution)}\n` +
      `extraction ${s.seconds.toFixed(2)} s wall, ${s.cpuSeconds.toFixed(2)} s CPU  articles/s ${(s.articles / s.seconds).toFixed(1)} ` +
      `(CPU ${(s.articles / s.cpuSeconds).toFixed(1)})  words/s ${Math.round(s.words / s.seconds)} (CPU ${Math.round(s.words / s.cpuSeconds)})\n`,
  );
  return 0;
}

/** --ecb: one graph per ECB+ topic; how well its nodes group the gold coreference chains of named mentions. */
async function evalEcb(dir: string, corpus: boolean, topics: string[] | undefined, details: boolean, io: CommandIO): Promise<number> {
  const s: EcbScore = evaluateEcb(dir, { corpus, details, ...(topics ? { topics } : {}) });
  for (const e of s.errors) io.stdout.write(`${e.kind.padEnd(6)} topic ${e.topic}: ${e.groups.map((g) => `[${g.slice(0, 4).join(", ")}${g.length > 4 ? ", …" : ""}]`).join(" ")}\n`);
  const fmt = (x: Prf) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)}`;
  io.stdout.write(
    `${dir}: ${s.topics} topics, ${s.documents} documents, cross-article resolution ${corpus ? "on" : "off"}\n` +
      `named gold mentions ${s.gold}, aligned to ours ${s.aligned} (${((100 * s.aligned) / Math.max(1, s.gold)).toFixed(1)}%), gold chains among them ${s.chains}\n` +
      `B-cubed (aligned mentions)          ${fmt(s.bcubed)}\n` +
      `pairwise (cross-document pairs)     ${fmt(s.pairwise)}  (pairs predicted ${s.pairwise.predicted}, gold ${s.pairwise.goldPairs}, right ${s.pairwise.right})\n` +
      `${s.seconds.toFixed(1)} s\n`,
  );
  return 0;
}

/** --conll04: one article per sentence; mapped relation types scored against the gold pairs (eval/conll04.ts). */
async function evalConll04(file: string, io: CommandIO): Promise<number> {
  const s = evaluateConll04(readConll04(file));
  const fmt = (x: Prf) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)}`;
  io.stdout.write(`${file}: ${s.sentences} sentences, parsing ${process.env.NEWSGRAPH_PARSE === "0" ? "off" : "on"}\n`);
  for (const t of s.types) {
    const c = t.counts;
    const ours = t.relations.length > 0 ? ` <- ${t.relations.join(", ")}` : "";
    io.stdout.write(`${t.type.padEnd(12)} ${fmt(t.prf)}  (right ${c.tp} wrong ${c.fp} missed ${c.fn})${ours}\n`);
  }
  for (const [type, n] of s.unmapped) io.stdout.write(`${type.padEnd(12)} not mapped: ${n} gold pairs not scored\n`);
  io.stdout.write(`${s.seconds.toFixed(1)} s\n`);
  return 0;
}

export const evalCommand: Command = {
  name: "eval",
  summary: "measure accuracy against gold data (CoNLL NER, CoNLL04 relations, annotated articles, PolNeAR quotations, UD treebanks, ECB+ merging)",
  usage: USAGE,
  async run(argv: string[], io: CommandIO): Promise<number> {
    const args: ParsedArgs = parseArgs(argv, ["conll", "conll04", "gold", "polnear", "ud", "ecb", "topics"], ["details", "no-corpus"]);
    const conll = stringFlag(args, "conll");
    const gold = stringFlag(args, "gold");
    const polnear = stringFlag(args, "polnear");
    const ud = stringFlag(args, "ud");
    const ecb = stringFlag(args, "ecb");
    const conll04 = stringFlag(args, "conll04");
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if ([conll, conll04, gold, polnear, ud, ecb].filter((x) => x !== undefined).length > 1) {
      throw new UsageError("give one of --conll, --conll04, --gold, --polnear, --ud, --ecb");
    }
    if (conll !== undefined) return evalConll(conll, io);
    if (gold !== undefined) return evalGold(gold, args.flags.has("details"), io);
    if (polnear !== undefined) return evalPolnear(polnear, args.flags.has("details"), io);
    if (ud !== undefined) return evalUd(ud, io);
    if (conll04 !== undefined) return evalConll04(conll04, io);
    if (ecb !== undefined) return evalEcb(ecb, !args.flags.has("no-corpus"), stringFlag(args, "topics")?.split(","), args.flags.has("details"), io);
    throw new UsageError("give --conll FILE, --conll04 FILE.jsonl, --gold FILE.jsonl, --polnear DIR, --ud FILE.conllu or --ecb DIR");
  },
};
