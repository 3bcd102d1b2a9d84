// The BIO tag set: 0 = O, then B-/I- for each type. I-X may only follow B-X or I-X (enforced when decoding).

export type NerType = "PER" | "LOC" | "ORG" | "MISC";
export const NER_TYPES: readonly NerType[] = ["PER", "LOC", "ORG", "MISC"];
export const TAGS: readonly string[] = ["O", ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const N_TAGS = TAGS.length;

/** Previous-tag slots in history weight rows: the tag ids, then one for "sentence start". */
export const PREV_SLOTS = N_TAGS + 1;
export const START_SLOT = N_TAGS;
/** Width of a history weight row: previous tag x tag. */
export const HISTORY_WIDTH = PREV_SLOTS * N_TAGS;

const TAG_IDS = new Map(TAGS.map((t, i) => [t, i]));

export function tagId(tag: string): number {
  const id = TAG_IDS.get(tag);
  if (id === undefined) throw new Error(`ner: unknown tag "${tag}" (expected one of ${TAGS.join(", ")})`);
  return id;
}

/** Whether `tag` may follow `prev` (TAG ids; prev < 0 or >= N_TAGS means sentence start). */
export function allowedAfter(prev: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag || prev === tag - 1;
}

export function isInside(tag: number): boolean {
  return tag > 0 && tag % 2 === 0;
}

export function typeOf(tag: number): NerType {
  return NER_TYPES[(tag - 1) >> 1]!;
}
