// Entity-level precision / recall / F1 with the conlleval definition: an entity counts as correct only when its
// span and its type both match exactly. Chunks are read from BIO/IOB tags as conlleval does: a chunk starts at B-X,
// or at I-X after O or after another type; it ends before O, B-, or a change of type.

export interface Chunk {
  start: number;
  end: number; // exclusive
  type: string;
}

/** Chunks of one tag sequence, conlleval-style (tolerates I-X without B-X and IOB1 input). */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : "O";
    const prefix = tag === "O" ? "O" : tag.slice(0, 1);
    const type = tag === "O" ? "" : tag.slice(2);
    const starts = prefix === "B" || (prefix === "I" && (open === null || open.type !== type));
    if (open && (prefix === "O" || starts)) {
      open.end = i;
      chunks.push(open);
      open = null;
    }
    if (starts) open = { start: i, end: i, type };
  }
  return chunks;
}

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface ConllScore {
  overall: Prf;
  byType: Record<string, Prf>;
  tokens: number;
  sentences: number;
}

export function prf(c: Counts): Prf {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Accumulates gold/predicted tag sequences sentence by sentence. */
export class ConllScorer {
  private readonly overall: Counts = { gold: 0, predicted: 0, correct: 0 };
  private readonly byType = new Map<string, Counts>();
  private tokens = 0;
  private sentences = 0;

  add(gold: readonly string[], predicted: readonly string[]): void {
    if (gold.length !== predicted.length) {
      throw new Error(`conll scorer: ${gold.length} gold tags but ${predicted.length} predicted tags in sentence ${this.sentences + 1}`);
    }
    this.tokens += gold.length;
    this.sentences++;
    const g = chunksOf(gold);
    const p = chunksOf(predicted);
    const goldKeys = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of g) this.counts(c.type).gold++;
    for (const c of p) {
      this.counts(c.type).predicted++;
      if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) this.counts(c.type).correct++;
    }
    this.overall.gold += g.length;
    this.overall.predicted += p.length;
    this.overall.correct += p.filter((c) => goldKeys.has(`${c.start}:${c.end}:${c.type}`)).length;
  }

  private counts(type: string): Counts {
    let c = this.byType.get(type);
    if (!c) this.byType.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  }

  score(): ConllScore {
    const byType: Record<string, Prf> = {};
    for (const type of [...this.byType.keys()].sort()) byType[type] = prf(this.byType.get(type)!);
    return { overall: prf(this.overall), byType, tokens: this.tokens, sentences: this.sentences };
  }
}

/** Scores whole corpora at once. */
export function scoreConll(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ConllScore {
  if (gold.length !== predicted.length) throw new Error(`conll scorer: ${gold.length} gold sentences but ${predicted.length} predicted`);
  const scorer = new ConllScorer();
  gold.forEach((g, i) => scorer.add(g, predicted[i]!));
  return scorer.score();
}

/** A conlleval-like text table. */
export function formatScore(s: ConllScore): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, p: Prf): string =>
    `${name.padEnd(8)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}  (gold ${p.gold}, predicted ${p.predicted}, correct ${p.correct})`;
  return [row("overall", s.overall), ...Object.entries(s.byType).map(([t, p]) => row(t, p))].join("\n");
}
