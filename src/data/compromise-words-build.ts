// Builds data/compromise-words.json: what the extractor needs of compromise's lexicon and verb conjugator, read
// out once so extraction never loads compromise (its ESM source tree costs ~0.5 s per worker thread to import and
// conjugate). Only `npm run lexicon:compromise` and the test that keeps the file in step with the installed
// compromise import this module.
import nlp from "compromise";
import { isRecord, loadData } from "./load.js";

export interface CompromiseWords {
  /** The compromise version the lists were read from. */
  compromise: string;
  firstNames: string[];
  femaleNames: string[];
  maleNames: string[];
  lastNames: string[];
  /** Cities, regions and places (countries are removed later, by the lexicon). */
  places: string[];
  /** Words whose every tag is a grammar word or a verb form ("would", "across", "pledged"). */
  grammarWords: string[];
  /** Every other word compromise knows (nouns, adjectives...): an ordinary word, not a name. */
  otherWords: string[];
  /** Lemma -> inflected forms, for every verb and phrase head in data/relation-verbs.json. */
  conjugations: Record<string, string[]>;
}

const GRAMMAR_TAG = /^(Modal|Auxiliary|Copula|Preposition|Conjunction|Determiner|Pronoun|Adverb|PresentTense|PastTense|Gerund|Infinitive|Participle|PhrasalVerb)$/;

/** The lemmas whose forms the lexicon needs: relation verbs and the first words of relation phrases. */
export function relationLemmas(): string[] {
  return loadData("relation-verbs", (v) => {
    if (!isRecord(v) || !Array.isArray(v.verbs) || !Array.isArray(v.phrases)) throw new Error("needs verbs and phrases arrays");
    const verbs = (v.verbs as Record<string, unknown>[]).map((e) => String(e.lemma));
    const heads = (v.phrases as Record<string, unknown>[]).map((e) => String(e.words).split(" ")[0] ?? "");
    return [...new Set([...verbs, ...heads])].sort();
  });
}

/** compromise's own forms of a verb (say -> said, says, saying); just the lemma when it has none. */
function conjugate(lemma: string): string[] {
  const forms = new Set([lemma]);
  for (const c of nlp(lemma).verbs().conjugate() as Record<string, string>[]) {
    for (const k of ["PastTense", "PresentTense", "Gerund", "Participle"]) {
      const f = c[k];
      if (f) forms.add(f);
    }
  }
  return [...forms];
}

export function buildCompromiseWords(version: string): CompromiseWords {
  const lexicon = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const out: CompromiseWords = {
    compromise: version, firstNames: [], femaleNames: [], maleNames: [], lastNames: [], places: [], grammarWords: [], otherWords: [], conjugations: {},
  };
  for (const word of Object.keys(lexicon).sort()) {
    const tag = lexicon[word] as string | string[];
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.includes("FemaleName")) out.femaleNames.push(word);
    if (tags.includes("MaleName")) out.maleNames.push(word);
    if (tags.some((t) => t === "FirstName" || t === "MaleName" || t === "FemaleName")) out.firstNames.push(word);
    else if (tags.includes("LastName")) out.lastNames.push(word);
    else if (tags.includes("City") || tags.includes("Region") || tags.includes("Place")) out.places.push(word);
    else if (tags.every((t) => GRAMMAR_TAG.test(t))) out.grammarWords.push(word);
    else out.otherWords.push(word);
  }
  for (const lemma of relationLemmas()) out.conjugations[lemma] = conjugate(lemma);
  return out;
}
