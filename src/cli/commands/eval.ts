// `newsgraph eval`: measures the pipeline against gold data. One function per mode, picked by the flag given.
import { parseArgs, stringFlag, UsageError, type ParsedArgs } from "../args.js";
import type { Command, CommandIO } from "../command.js";
import { ConllScorer, formatScore } from "../../eval/conll.js";
import { readConll } from "../../nlp/ner/conll.js";
import { loadTagger } from "../../nlp/ner/tagger.js";
import { evaluateGold, readGoldFile } from "../../eval/gold.js";
import type { Prf } from "../../eval/graph-score.js";

const USAGE = `newsgraph eval --conll FILE     entity P/R/F1 (conlleval definition) of the NER tagger on a CoNLL-2003 file
newsgraph eval --gold FILE.jsonl  score the pipeline against hand-annotated articles (gold README format) [--details]
`;

/** --conll: tag every sentence of a CoNLL file (tokens only) and score exact span + type. */
async function evalConll(file: string, io: CommandIO): Promise<number> {
  const sentences = readConll(file);
  const loadStart = performance.now();
  const tagger = loadTagger();
  const loadMs = performance.now() - loadStart;
  const predicted: string[][] = [];
  const start = performance.now();
  for (const s of sentences) predicted.push(tagger.tagBio(s.tokens));
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

export const evalCommand: Command = {
  name: "eval",
  summary: "measure accuracy against gold data (CoNLL NER, annotated articles)",
  usage: USAGE,
  async run(argv: string[], io: CommandIO): Promise<number> {
    const args: ParsedArgs = parseArgs(argv, ["conll", "gold"], ["details"]);
    const conll = stringFlag(args, "conll");
    const gold = stringFlag(args, "gold");
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (conll !== undefined && gold !== undefined) throw new UsageError("give either --conll or --gold, not both");
    if (conll !== undefined) return evalConll(conll, io);
    if (gold !== undefined) return evalGold(gold, args.flags.has("details"), io);
    throw new UsageError("give --conll FILE or --gold FILE.jsonl");
  },
};
