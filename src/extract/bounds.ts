// Sane sizes for what an extraction hands on. Hostile or broken input (a 10-million-character line without a
// space, a page of capitalised debris) must not become a node whose label is megabytes long: a name longer than
// `nameChars` or `nameTokens` is no name, and quotations and evidence sentences are cut, marked with "…", while
// their offsets still point at the whole span in the text.
import type { ArticleExtraction } from "../types.js";
import { nameForm, truncateMarked } from "../nlp/text.js";

export interface ExtractionLimits {
  /** Longest name, alias or label, in characters. */
  nameChars: number;
  /** Most tokens in a name. */
  nameTokens: number;
  /** Longest quotation text kept, in characters. */
  quoteChars: number;
  /** Longest evidence sentence kept, in characters. */
  evidenceChars: number;
}

export const DEFAULT_LIMITS: Readonly<ExtractionLimits> = { nameChars: 120, nameTokens: 12, quoteChars: 1000, evidenceChars: 1000 };

/** A mention candidate is a name only when it fits the limits. */
export function isNameSized(c: { from: number; to: number; text: string }, limits: ExtractionLimits = DEFAULT_LIMITS): boolean {
  return c.to - c.from <= limits.nameTokens && c.text.length <= limits.nameChars;
}

/** The extraction with names shown as read (visible, NFC) and every text within its limit, cuts marked. */
export function boundExtraction(x: ArticleExtraction, limits: ExtractionLimits = DEFAULT_LIMITS): ArticleExtraction {
  const name = (s: string) => truncateMarked(nameForm(s), limits.nameChars);
  return {
    ...x,
    entities: x.entities.map((e) => ({
      ...e,
      name: name(e.name),
      aliases: [...new Set(e.aliases.map(name))].sort(),
      mentions: e.mentions.map((m) => ({ ...m, text: name(m.text) })),
    })),
    relations: x.relations.map((r) => {
      const evidence = { ...r.evidence, text: truncateMarked(r.evidence.text, limits.evidenceChars) };
      if (evidence.quote !== undefined) evidence.quote = truncateMarked(evidence.quote, limits.quoteChars);
      return { ...r, evidence };
    }),
    quotes: x.quotes.map((q) => ({ ...q, text: truncateMarked(q.text, limits.quoteChars) })),
  };
}
