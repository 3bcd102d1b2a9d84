// Averaged structured perceptron (Collins 2002) over first-order Viterbi decoding, with the usual
// "w - u / c" averaging trick so each update costs O(features). For every position where the predicted and the
// gold sequence differ (in the tag or in the previous tag), the gold features are rewarded and the predicted ones
// penalised: static features when the tags differ, history features at (previous tag, tag) of each sequence.
import { type FeatureExtractor, HISTORY_FEATURES, MAX_FEATURES } from "./features.js";
import type { GazetteerData } from "./gazetteer.js";
import { NerModel } from "./model.js";
import { HISTORY_WIDTH, N_TAGS, START_SLOT } from "./tags.js";
import { ViterbiDecoder } from "./viterbi.js";
import { TrainingTable } from "./weights.js";

export interface TrainSentence {
  tokens: string[];
  tags: Uint8Array;
}

export class PerceptronTrainer {
  readonly stat = new TrainingTable(N_TAGS);
  readonly hist = new TrainingTable(HISTORY_WIDTH);
  private c = 1;
  private readonly decoder = new ViterbiDecoder();
  private pred = new Uint8Array(256);

  constructor(private readonly fx: FeatureExtractor) {}

  /** One pass over one sentence; returns the number of tokens tagged wrongly. */
  trainSentence(s: TrainSentence): number {
    const { fx, decoder, stat, hist, c } = this;
    const n = s.tokens.length;
    if (n > this.pred.length) this.pred = new Uint8Array(n * 2);
    const pred = this.pred;
    fx.setSentence(s.tokens);
    decoder.decode(fx, n, stat, hist, pred);
    // the document history holds what the model predicted, as it will when tagging
    fx.recordLabels(pred);
    let errors = 0;
    for (let i = 0; i < n; i++) {
      const gold = s.tags[i]!;
      const guess = pred[i]!;
      const goldPrev = i > 0 ? s.tags[i - 1]! : START_SLOT;
      const guessPrev = i > 0 ? pred[i - 1]! : START_SLOT;
      if (guess !== gold) {
        errors++;
        const at = i * MAX_FEATURES;
        for (let f = at; f < at + decoder.staticCount[i]!; f++) {
          stat.update(decoder.staticKeys[f]!, gold, 1, c);
          stat.update(decoder.staticKeys[f]!, guess, -1, c);
        }
      }
      if (guess !== gold || goldPrev !== guessPrev) {
        const at = i * HISTORY_FEATURES;
        for (let f = at; f < at + HISTORY_FEATURES; f++) {
          hist.update(decoder.histKeys[f]!, goldPrev * N_TAGS + gold, 1, c);
          hist.update(decoder.histKeys[f]!, guessPrev * N_TAGS + guess, -1, c);
        }
      }
    }
    this.c += n;
    return errors;
  }

  /** Opens a document (its sentences then go in order): see FeatureExtractor.beginDocument. */
  beginDocument(): void {
    this.fx.beginDocument();
  }

  get features(): number {
    return this.stat.index.size + this.hist.index.size;
  }

  /** The averaged weights as a model (the trainer can keep training afterwards). */
  averaged(gazetteer: GazetteerData, info: Record<string, string | number>): NerModel {
    return new NerModel(this.stat.averaged(this.c), this.hist.averaged(this.c), gazetteer, info);
  }
}
