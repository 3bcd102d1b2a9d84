// Finds the names in each sentence and guesses their kind: gazetteers first, then head-word cues
// ("... Ministry", "Operation ..."), then name shapes. Kinds marked `certain: false` are guesses that
// resolution may overrule when the same name is known elsewhere in the article.
import type { Article, EntityKind, Sentence, Token } from "../types.js";
import { isAllCaps, isCapitalized, isWordToken } from "../nlp/tokenize.js";
import { nameForm } from "../nlp/text.js";
import { isNameSized } from "./bounds.js";
import { cues } from "./cues.js";
import { lexicon } from "./lexicon.js";
import { splitHandle } from "./handles.js";
import { loadTagger, type NerSpan, type NerTagger } from "../nlp/ner/tagger.js";
import { type PlaceEntry, placeGazetteer, placeKey } from "../data/places.js";
import { genericReason } from "./generic.js";
import { isParticle, NAME_PARTICLES, NICKNAME_RE, nicknameEnd, openingParticle } from "./name-shapes.js";
import { signOff, ticker, wireCredit } from "./not-names.js";
import { wordClass } from "../data/word-classes.js";

export interface Candidate {
  sentence: number;
  /** Token range inside the sentence, end exclusive. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  kind: EntityKind | "unknown";
  certain: boolean;
  /** The name to group by (a country's common name, a name without its title). */
  name: string;
  rule: string;
  /** A capital or demonym standing for its country. */
  countryVia?: "name" | "capital" | "demonym";
  /** The country a capital, demonym or country name belongs to. */
  country?: string;
  /** Inside a larger name ("US" in "US State Department"); not a subject or object on its own. */
  nested?: boolean;
  /** Title written before the name ("Ambassador"), lower-cased. */
  title?: string;
}

/** Meeting words that, after a body's name, make a named event ("SCO summit"). */
const SUMMIT_WORDS = wordClass("meeting-heads");
/** Tokens of context either side of a piece when only a window of a long sentence is tagged. */
const NER_CONTEXT = 4;
const ADDRESS = wordClass("address-honorifics");
const SUB_BODY_HEADS = wordClass("sub-body-heads");
/** Lower-case state bodies after a demonym ("Iraqi army"), longest first so "federal police" wins over "police". */
const DEMONYM_BODIES = [...wordClass("demonym-body-nouns")].map((b) => b.split(" ")).sort((a, b) => b.length - a.length);
const QUOTE_OPEN = wordClass("opening-quote-marks");
const HYPHEN_PART_RE = /^(.+?)-(based|made|led|backed|born|owned|run|funded|brokered|sponsored)$/iu;

function norm(t: string): string {
  return t.replace(/’/g, "'").toLowerCase();
}

/** A word that may be part of a name: capitalised, an acronym, or a number right after a name word. */
function isNameWord(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]?.text ?? "";
  if (!isWordToken(t) || t.startsWith("#")) return false;
  if (t.startsWith("@")) return false;
  if (isCapitalized(t)) return true;
  return /^\d+$/.test(t) && i > 0 && isCapitalized(tokens[i - 1]?.text ?? "") && (tokens[i - 1]?.end ?? 0) + 1 >= (tokens[i]?.start ?? 0);
}

function mostlyCapitalized(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}/u.test(t.text));
  if (words.length < 3) return false;
  const caps = words.filter((t) => isCapitalized(t.text) && !cues().connectors.has(t.text.toLowerCase())).length;
  return caps / words.length > 0.6;
}

export class MentionFinder {
  private readonly lex = lexicon();
  private readonly cue = cues();
  private readonly tagger: NerTagger = loadTagger();
  private readonly geo = placeGazetteer();
  private nerTokens: readonly Token[] = [];

  /** Quoted titles (“The Future of Pak-US Relations.”): guesses inside them are not names. */
  private titleRanges: [number, number][] = [];

  find(article: Article, titles: readonly [number, number][] = []): Candidate[] {
    this.titleRanges = [...titles];
    const out: Candidate[] = [];
    // one document history per article: a name's earlier labels inform the tagger later in the article
    this.tagger.beginDocument();
    try {
      article.sentences.forEach((s, i) => this.findInSentence(s, i, out));
    } finally {
      this.tagger.endDocument();
    }
    // a title with nothing after it ("Lord.") names no one; a generic head ("Party", "Human Rights") nothing at all;
    // nor does a run without letters, or one too long to be a name (a 10-million-character "word")
    return out.filter((c) => /\p{L}/u.test(c.name || c.text) && c.to > c.from && isNameSized(c) && (c.rule.startsWith("gazetteer") || !genericReason(c.name || c.text)) &&
      !wireCredit(article.sentences[c.sentence]?.tokens ?? [], c) && !signOff(article, c) && !ticker(article.sentences[c.sentence]?.tokens ?? [], c));
  }

  private make(s: Sentence, si: number, from: number, to: number, kind: Candidate["kind"], certain: boolean, name: string, rule: string): Candidate {
    const a = s.tokens[from] as Token;
    const b = s.tokens[to - 1] as Token;
    const text = nameForm(s.text.slice(a.start - s.start, b.end - s.start)).replace(NICKNAME_RE, " ");
    return { sentence: si, from, to, start: a.start, end: b.end, text, kind, certain, name: name.replace(NICKNAME_RE, " "), rule };
  }

  private findInSentence(s: Sentence, si: number, out: Candidate[]): void {
    const toks = s.tokens;
    const gazetteerOnly = mostlyCapitalized(toks) && s.headline;
    this.nerTokens = toks;
    let i = 0;
    while (i < toks.length) {
      const t = toks[i] as Token;
      if (t.text.startsWith("@") && t.text.length > 2) {
        out.push(this.handle(s, si, i));
        i++;
        continue;
      }
      // "the India-Central Asia Dialogue": a hyphenated word opening a body's or a meeting's name is part of it
      const headedEnd = t.text.includes("-") && isNameWord(toks, i) ? this.headedEnd(toks, i) : 0;
      if (headedEnd > 0) {
        this.classifyRun(s, si, i, headedEnd, gazetteerOnly, out);
        this.hyphenCountriesWithin(s, si, i, headedEnd, out);
        i = headedEnd;
        continue;
      }
      if (t.text.includes("-") && this.hyphenCountries(s, si, i, out)) {
        i++;
        continue;
      }
      if (!isNameWord(toks, i)) {
        i++;
        continue;
      }
      let j = i + 1;
      for (;;) {
        // a hyphenated word with a country in it ends the run ("Pak-US"), unless it finishes a country or place
        // name begun in the run ("United Arab Emirates-based") or a body's or meeting's name goes on after it
        // ("the Second India-Central Asia Summit")
        if (j < toks.length && isNameWord(toks, j) && (!(toks[j]?.text.includes("-") && this.hyphenCountryParts(toks[j]?.text ?? "")) || this.finishesPlace(s, i, j) || this.headedEnd(toks, j) > 0)) { j++; continue; }
        // "Ferdinand ''Bongbong'' Marcos Jr.", "Jose “Pepe” Rizal": a quoted nickname after a first name stays inside
        // the name (and out of its form, see make)
        const nick = j - 1 >= i && this.lex.firstNames.has(norm(toks[j - 1]?.text ?? "")) ? nicknameEnd(toks, j) : 0;
        if (nick > 0 && isNameWord(toks, nick)) { j = nick; continue; }
        // "Angus J. Campbell", "George W. Bush": a middle initial and its full stop stay inside the name
        if (toks[j]?.text === "." && j - 1 > i && /^\p{Lu}$/u.test(toks[j - 1]?.text ?? "") && isNameWord(toks, j + 1) && (toks[j]?.end ?? 0) < (toks[j + 1]?.start ?? 0)) { j++; continue; }
        // "Senior Gen. Min Aung Hlaing", "Lt. Gen. X": an abbreviated rank and its full stop stay with the name after it
        if (toks[j]?.text === "." && this.lex.honorifics.has(norm(toks[j - 1]?.text ?? "")) && isNameWord(toks, j + 1)) { j++; continue; }
        // "St James's Palace", "St Helen's Road": a possessive inside a name that ends in a place or body word
        const owner = toks.slice(i, j).map((t) => t.text).join(" ");
        if (/^['’]s$/.test(toks[j]?.text ?? "") && isNameWord(toks, j + 1) && !this.countryOf(owner) && !this.lex.places.has(norm(owner)) && !this.lex.orgs.has(norm(owner))) {
          let e = j + 1;
          while (e < toks.length && isNameWord(toks, e)) e++;
          const head = norm(toks[e - 1]?.text ?? "");
          if (this.cue.placeHeads.has(head) || this.cue.orgHeads.has(head) || head === "palace" || head === "road") { j = e; continue; }
        }
        // connectors ("of", "for the") continue a name only when a name word follows
        let k = j;
        while (k < toks.length && k - j < 2 && this.cue.connectors.has(toks[k]?.text ?? "")) k++;
        if (toks[j]?.text === "and" && (k - j > 1 || toks[j + 1]?.text === "the")) break; // "X and the Y": two names
        // ... and not a day or month: "Jiang Zaidong on Monday"
        if (k > j && k < toks.length && isNameWord(toks, k) && !this.cue.alwaysSkip.has(norm(toks[k]?.text ?? ""))) { j = k; continue; }
        break;
      }
      if (!gazetteerOnly && this.multiWordBased(s, si, i, j, out)) {
        i = j;
        continue;
      }
      const body = gazetteerOnly ? 0 : this.demonymBody(s, si, i, j, out);
      if (body > 0) {
        i = body;
        continue;
      }
      const before = out.length;
      this.classifyRun(s, si, i, j, gazetteerOnly, out);
      this.hyphenCountriesWithin(s, si, i + 1, j, out);
      this.placeEvent(s, si, i, j, out, before);
      i = j;
    }
  }

  /**
   * "the Doha talks", "the Kyoto treaty", "the Astana peace process": a city named alone, then a lower-case meeting or
   * treaty word (after at most one topic word), names that event; the city stays a mention of its own.
   */
  private placeEvent(s: Sentence, si: number, from: number, to: number, out: Candidate[], before: number): void {
    // the run's last name ("flew to Rome for the Doha talks" is one run of two names)
    const place = out.slice(before).filter((c) => !c.nested && c.to === to).pop();
    if (!place || place.kind !== "place") return;
    const toks = s.tokens;
    // "the" before the city: "Beijing talks tough" is a sentence, "the Beijing talks" an event
    if (norm(toks[place.from - 1]?.text ?? "") !== "the") return;
    from = place.from;
    let end = to;
    if (PLACE_EVENT_TOPICS.has(toks[end]?.text ?? "") && PLACE_EVENT_HEADS.has(toks[end + 1]?.text ?? "")) end += 2;
    else if (PLACE_EVENT_HEADS.has(toks[end]?.text ?? "")) end += 1;
    else return;
    place.nested = true;
    out.push(this.named(s, si, from, end, "event", "place-event"));
  }

  /** The countries of hyphenated words inside a name read whole ("the Second Nepal-Central Asia Summit"), as nested mentions. */
  private hyphenCountriesWithin(s: Sentence, si: number, from: number, to: number, out: Candidate[]): void {
    for (let k = from; k < to; k++) {
      if (!s.tokens[k]?.text.includes("-")) continue;
      const parts: Candidate[] = [];
      this.hyphenCountries(s, si, k, parts);
      for (const c of parts) out.push({ ...c, nested: true });
    }
  }

  /**
   * "the Iraqi army", "the Indian embassy": a demonym alone on its run, then a state body's noun in lower case,
   * names a body of that state. Returns the token after it, or 0.
   */
  private demonymBody(s: Sentence, si: number, from: number, to: number, out: Candidate[]): number {
    // a sentence's first "The" joins the run: "The Indian embassy said"
    if (to === from + 2 && s.tokens[from]?.text === "The") from++;
    if (to !== from + 1 || this.countryOf(s.tokens[from]?.text ?? "")?.via !== "demonym") return 0;
    for (const body of DEMONYM_BODIES) {
      if (!body.every((w, k) => s.tokens[to + k]?.text === w)) continue;
      const end = to + body.length;
      const first = s.tokens[from] as Token;
      const last = s.tokens[end - 1] as Token;
      out.push(this.make(s, si, from, end, "organization", false, nameForm(s.text.slice(first.start - s.start, last.end - s.start)), "demonym-body"));
      return end;
    }
    return 0;
  }

  /**
   * "a Hong Kong-based company", "New York-based firm": a run of name words ending in "X-based" (or -led, -backed,
   * ...) names a place (or a country) of several words; the "-based" part is left out. The frame rules read the
   * "based" from the rule.
   */
  private multiWordBased(s: Sentence, si: number, from: number, to: number, out: Candidate[]): boolean {
    const last = s.tokens[to - 1] as Token;
    const based = to - from > 1 ? HYPHEN_PART_RE.exec(last.text) : null;
    if (!based?.[1] || !isCapitalized(based[1])) return false;
    const first = s.tokens[from] as Token;
    const end = last.start + based[1].length;
    const text = nameForm(s.text.slice(first.start - s.start, end - s.start));
    const country = this.countryOf(text);
    const place = this.lex.places.has(norm(text)) || placeGazetteer().has(placeKey(text));
    if (!country && !place) return false;
    out.push(hyphenPart({ sentence: si, from, to, start: first.start, end, text }, country, true, `hyphen-${based[2]?.toLowerCase()}`));
    return true;
  }

  /** The end of the run of name words from token i (hyphenated words and inner connectors included). */
  private runEnd(toks: readonly Token[], i: number): number {
    let j = i + 1;
    for (;;) {
      if (isNameWord(toks, j)) { j++; continue; }
      let k = j;
      while (k < toks.length && k - j < 2 && this.cue.connectors.has(toks[k]?.text ?? "")) k++;
      if (k > j && isNameWord(toks, k)) { j = k; continue; }
      return j;
    }
  }

  /** The end of the name run through hyphenated token i when it ends in a body's or a meeting's head word ("Dialogue", "Council"), else 0. */
  private headedEnd(toks: readonly Token[], i: number): number {
    const end = this.runEnd(toks, i);
    if (end - i < 2) return 0;
    const last = norm(toks[end - 1]?.text ?? "");
    return this.cue.eventHeads.has(last) || this.cue.orgHeads.has(last) ? end : 0;
  }

  /** Whether the run [from, j) and the first part of hyphenated token j make a country or place ("United Arab Emirates-based"). */
  private finishesPlace(s: Sentence, from: number, j: number): boolean {
    const t = s.tokens[j] as Token;
    const first = s.tokens[from] as Token;
    const part = t.text.slice(0, t.text.indexOf("-"));
    if (j === from || !isCapitalized(part)) return false;
    const text = nameForm(s.text.slice(first.start - s.start, t.start + part.length - s.start));
    return !!this.countryOf(text) || this.lex.places.has(norm(text)) || placeGazetteer().has(placeKey(text));
  }

  /** "Pak-US", "US-made", "Afghanistan-based": the country parts of a hyphenated word are mentions. */
  private hyphenCountryParts(word: string): boolean {
    const parts = word.split("-");
    return parts.length > 1 && parts.some((p) => this.countryOf(p) !== undefined);
  }

  private hyphenCountries(s: Sentence, si: number, i: number, out: Candidate[]): boolean {
    const t = s.tokens[i] as Token;
    if (this.lex.countries.has(norm(t.text)) || this.lex.orgs.has(norm(t.text))) return false;
    const based = HYPHEN_PART_RE.exec(t.text);
    const parts = based ? [based[1] ?? ""] : t.text.split("-");
    let found = false;
    let offset = t.start;
    for (const p of parts) {
      const c = this.countryOf(p);
      const place = !c && based && isCapitalized(p) && !this.cue.notEntities.has(norm(p)) ? p : undefined; // not "Shia-led"
      if (c || place) {
        found = true;
        const span = { sentence: si, from: i, to: i + 1, start: offset, end: offset + p.length, text: p };
        out.push(hyphenPart(span, c, !!c, based ? `hyphen-${based[2]?.toLowerCase()}` : "hyphen-country"));
      }
      offset += p.length + 1;
    }
    return found;
  }

  private countryOf(form: string) {
    if (!isCapitalized(form)) return undefined;
    const c = this.lex.countries.get(norm(form));
    // Short forms ("US", "UK", "Pak") only as written, never "us".
    if (c && form.length <= 3 && !isAllCaps(form) && form !== "Pak") return undefined;
    return c;
  }

  private handle(s: Sentence, si: number, i: number): Candidate {
    const t = s.tokens[i] as Token;
    const h = splitHandle(t.text, this.lex);
    const c = this.make(s, si, i, i + 1, h.kind, false, h.name, "handle");
    return c;
  }

  /** Longest gazetteer entry starting at token i (within `to`): [end, candidate fields]. */
  private gazetteerAt(s: Sentence, si: number, i: number, to: number, wholeRun = false): Candidate | undefined {
    const toks = s.tokens;
    for (let j = Math.min(to, i + this.lex.longestName); j > i; j--) {
      const first = toks[i] as Token;
      const last = toks[j - 1] as Token;
      const surface = nameForm(s.text.slice(first.start - s.start, last.end - s.start));
      const lower = norm(surface);
      let org = this.lex.orgExact.get(surface) ?? (surface.length > 4 ? this.lex.orgs.get(lower) : undefined);
      // A one-letter name ("X") needs a platform word just before it.
      if (org && surface.length === 1 && !toks.slice(Math.max(0, i - 3), i).some((t) => /^(platform|media|site|app|network)$/i.test(t.text))) org = undefined;
      if (org) return this.make(s, si, i, j, "organization", true, org, "gazetteer-org");
      const country = this.countryOf(surface);
      if (country) {
        const c = this.make(s, si, i, j, country.via === "capital" ? "place" : "country", true, country.via === "capital" ? titleCase(surface) : country.name, `gazetteer-${country.via}`);
        c.countryVia = country.via;
        c.country = country.name;
        return c;
      }
      if (this.lex.places.has(lower) && (j - i > 1 || !this.lex.firstNames.has(lower))) return this.make(s, si, i, j, "place", true, titleCase(surface), "gazetteer-place");
      // GeoNames only for a whole run ("Akio Toyoda" is a person even though Toyoda is a town) or a name of
      // several words ("Wales and Northern Ireland": not the country Ireland)
      const geo = (wholeRun && j === to) || j - i > 1 ? this.geoPlace(surface) : undefined;
      if (geo && (geo.kind === "region" || geo.population >= 100_000)) return this.make(s, si, i, j, "place", true, titleCase(surface), "gazetteer-geonames");
    }
    return undefined;
  }

  /** The GeoNames place a capitalised name is, unless the name is also an ordinary word or a person's name. */
  private geoPlace(surface: string): PlaceEntry | undefined {
    if (!/^\p{Lu}/u.test(surface)) return undefined;
    const key = placeKey(surface);
    const place = this.geo.get(key);
    if (!place) return undefined;
    if (this.lex.knownWords.has(key) || this.lex.firstNames.has(key) || this.lex.lastNames.has(key) || this.lex.roleWords.has(key) || genericReason(key)) return undefined;
    return place;
  }

  /**
   * Names the run of capitalised tokens [from, to) of sentence `si`: one candidate, several, or none. Each step
   * below either settles the run (and says so) or leaves it to the next; the order is the precedence of the cues.
   */
  private classifyRun(s: Sentence, si: number, from: number, to: number, gazetteerOnly: boolean, out: Candidate[]): void {
    const trimmed = this.trimRun(s, si, from, to);
    if (!trimmed) return;
    [from, to] = trimmed;
    if (this.titleOf(s, si, from, to, gazetteerOnly, out)) return;
    if (this.wholeGazetteerName(s, si, from, to, out)) return;
    if (gazetteerOnly) return this.gazetteerPieces(s, si, from, to, out);
    const toks = s.tokens;
    // The whole quotation is the name: ‘Falcon Talon’, “Azm-i-Istekam”.
    const quoted = QUOTE_OPEN.has(toks[from - 1]?.text ?? "") && /^[’”"']$/.test(toks[to]?.text ?? "");
    if (this.exerciseOrOperation(s, si, from, to, quoted, out)) return;
    if (this.titledPerson(s, si, from, to, gazetteerOnly, out)) return;
    from = this.nameStart(toks, from, to);
    if (this.splitRun(s, si, from, to, gazetteerOnly, out)) return;
    this.classifyByHead(s, si, from, to, quoted, out);
  }

  /** The lower-cased words of tokens [a, b). */
  private runWords(s: Sentence, a: number, b: number): string[] {
    return s.tokens.slice(a, b).map((t) => norm(t.text));
  }

  /**
   * The run without words that never start a name (unless a gazetteer name starts there), trailing connectors and
   * a trailing title; undefined when nothing is left or only titles are.
   */
  private trimRun(s: Sentence, si: number, from: number, to: number): [number, number] | undefined {
    const toks = s.tokens;
    while (from < to && this.cue.alwaysSkip.has(norm(toks[from]?.text ?? "")) && !this.gazetteerAt(s, si, from, to)) from++;
    while (from < to && this.cue.connectors.has(norm(toks[to - 1]?.text ?? ""))) to--;
    // "the Zorblat Party MEP attacked": a title with no name after it belongs to someone unnamed
    const lastWord = norm(toks[to - 1]?.text ?? "");
    // (not a surname after a first name or a form of address: "Larry King", "Mr King")
    const before = norm(toks[to - 2]?.text === "." ? (toks[to - 3]?.text ?? "") : (toks[to - 2]?.text ?? ""));
    // (a title in capitals is a post-nominal, never a surname: "Ruth Kelly MP")
    const surname = (this.lex.firstNames.has(before) || ADDRESS.has(before)) && !isAllCaps(toks[to - 1]?.text ?? "");
    if (to - from > 1 && !surname && this.lex.roles.get(lastWord)?.prefix && !this.runWords(s, from, to - 1).some((x) => this.lex.roleWords.has(x))) to--;
    if (from >= to) return undefined;
    // "The Deputy Prime Minister emphasized": titles alone name someone unnamed; but "Mr. King": a surname
    const words = this.runWords(s, from, to);
    const addressed = words.some((x, k) => k > 0 && ADDRESS.has(words[k - 1] === "." ? (words[k - 2] ?? "") : (words[k - 1] ?? "")) && x !== ".");
    if (!addressed && words.every((x) => this.lex.roleWords.has(x) || this.lex.honorifics.has(x) || this.cue.connectors.has(x))) return undefined;
    return [from, to];
  }

  /** The whole run is one gazetteer name (a body's name before a meeting word names the meeting too). */
  private wholeGazetteerName(s: Sentence, si: number, from: number, to: number, out: Candidate[]): boolean {
    const whole = this.gazetteerAt(s, si, from, to, true);
    if (!whole || whole.to !== to) return false;
    // "the SCO summit", "the G20 summit"
    if (whole.kind === "organization" && SUMMIT_WORDS.has(norm(s.tokens[to]?.text ?? ""))) {
      out.push({ ...this.named(s, si, from, to + 1, "event", "body-summit") }, { ...whole, nested: true });
      return true;
    }
    out.push(whole);
    if (whole.kind === "organization") this.nestedCountries(s, si, from, to, out, whole);
    return true;
  }

  /** Exercises and operations, named by a prefix ("Exercise X", "Operation Y") or by the words around the run. */
  private exerciseOrOperation(s: Sentence, si: number, from: number, to: number, quoted: boolean, out: Candidate[]): boolean {
    const first = norm(s.tokens[from]?.text ?? "");
    const before = this.runWords(s, 0, from);
    const after = this.runWords(s, to, Math.min(s.tokens.length, to + 3));
    if (this.cue.exerciseWords.has(first) && to - from > 1) return this.pushed(out, this.named(s, si, from, to, "exercise", "exercise-prefix"));
    if (first === "operation" && to - from > 1) return this.pushed(out, this.named(s, si, from, to, "event", "operation-prefix"));
    // "Joint Special Forces Exercise KHANJAR", "Joint Military Exercise Surya Kiran": a capitalised exercise word
    // inside the name, with a name after it, makes the whole run an exercise
    const inner = this.runWords(s, from, to).findIndex((w, k) => k > 0 && k < to - from - 1 && this.cue.exerciseWords.has(w) && /^\p{Lu}/u.test(s.tokens[from + k]?.text ?? ""));
    if (inner > 0) return this.pushed(out, this.named(s, si, from, to, "exercise", "exercise-inner"));
    // "exercise" as a noun ("joint exercise 'Sea Guard'", "the AMAN-25 exercise"), never the verb ("to exercise restraint")
    const exerciseNoun = (ws: readonly string[], k: number) => this.cue.exerciseWords.has(ws[k] ?? "") && ws[k - 1] !== "to";
    const exerciseBefore = before.some((_x, k) => exerciseNoun(before, k));
    const exerciseAfter = after.some((_x, k) => exerciseNoun(after, k) && (k > 0 || after[0] !== "to"));
    const countries = this.gazetteerAt(s, si, from, to)?.kind === "country";
    // "Addressing the exercise participants": a common word capitalised only because it opens the sentence
    const openingWord = to - from === 1 && (from === 0 || QUOTE_OPEN.has(s.tokens[from - 1]?.text ?? "")) && this.lex.knownWords.has(first);
    if (!countries && !openingWord && (exerciseBefore || exerciseAfter) && (quoted || exerciseAfter || exerciseNoun(before, before.length - 1))) {
      return this.pushed(out, this.named(s, si, from, to, "exercise", "exercise-context"));
    }
    if ((quoted && before.includes("operation")) || before[before.length - 1] === "operation") return this.pushed(out, this.named(s, si, from, to, "event", "operation-context"));
    return false;
  }

  /** Adds a candidate and reports the run settled (the steps of classifyRun return whether they named it). */
  private pushed(out: Candidate[], c: Candidate): true {
    out.push(c);
    return true;
  }

  /**
   * Titles before a name: "Ambassador Masood Khan", "President Joe Biden", "Lt. Gen. X". The person named after
   * the titles; what follows the name is read again.
   */
  private titledPerson(s: Sentence, si: number, from: number, to: number, gazetteerOnly: boolean, out: Candidate[]): boolean {
    const toks = s.tokens;
    const w = this.runWords(s, from, to);
    let nameFrom = from;
    let title: string | undefined;
    for (;;) {
      // after "Mr." the next word is the surname, whatever else it may be ("Mr. King")
      if (title !== undefined && ADDRESS.has(w[nameFrom - from - 1] === "." ? (w[nameFrom - from - 2] ?? "") : (w[nameFrom - from - 1] ?? ""))) break;
      const role = this.roleAt(w, nameFrom - from, to - from);
      if (role === 0) break;
      title = w.slice(0, nameFrom - from + role).join(" ");
      nameFrom += role;
      while (toks[nameFrom]?.text === ".") nameFrom++;
    }
    if (!title || nameFrom >= to || this.cue.connectors.has(w[nameFrom - from] ?? "")) return false;
    // "Lt Col Eric Schnaible of the PCO": the name ends at the first connector; the rest is read again
    let nameTo = nameFrom;
    while (nameTo < to && (!this.cue.connectors.has(norm(toks[nameTo]?.text ?? "")) || isParticle(toks, nameTo, to))) nameTo++;
    // "Commander PLAAF": an acronym after a title is the body commanded, not a person
    if (nameTo - nameFrom === 1 && /^\p{Lu}{3,6}$/u.test(toks[nameFrom]?.text ?? "") && toks.some((t) => /\p{Ll}/u.test(t.text))) {
      this.gazetteerPieces(s, si, nameFrom, to, out);
      return true;
    }
    // "the General Election", "General Assembly": a head word after a title-like first word names no person
    const one = norm(toks[nameFrom]?.text ?? "");
    if (nameTo - nameFrom === 1 && (this.cue.eventHeads.has(one) || this.cue.orgHeads.has(one) || this.cue.placeHeads.has(one))) return false;
    const c = this.named(s, si, nameFrom, nameTo, "person", "title-name");
    c.title = title;
    out.push(c);
    // "Princes Charles and William": a plural title names each person of the list
    if (this.pluralTitle && norm(toks[nameTo]?.text ?? "") === "and" && isNameWord(toks, nameTo + 1)) {
      let b = nameTo + 1;
      while (b < to && isNameWord(toks, b)) b++;
      const second = this.named(s, si, nameTo + 1, b, "person", "title-name-plural");
      second.title = title;
      out.push(second);
      if (b < to) this.classifyRun(s, si, b, to, gazetteerOnly, out);
      return true;
    }
    // "Lord Roberts of Conwy": a peer's territorial designation is part of the title, no place mention
    const peer = PEERAGE_TITLES.has(title.split(" ").pop() ?? "") && norm(toks[nameTo]?.text ?? "") === "of" && nameTo + 2 === to;
    if (nameTo < to && !peer) this.classifyRun(s, si, nameTo, to, gazetteerOnly, out);
    return true;
  }

  /** Where the name proper starts: past a capitalised common word opening a sentence or quotation, and connectors. */
  private nameStart(toks: readonly Token[], from: number, to: number): number {
    const atStart = from === 0 || /^[“"‘':(]$/.test(toks[from - 1]?.text ?? "");
    while (atStart && from < to - 1 && this.cue.notNames.has(norm(toks[from]?.text ?? ""))) from++;
    // "Chief" dropped, "of Army Staff" left; but a capitalised particle opens a name: "El Financiero", "Al Fasher"
    while (from < to - 1 && this.cue.connectors.has(norm(toks[from]?.text ?? "")) && !openingParticle(toks, from)) from++;
    return from;
  }

  /** Runs that hold more than one name: each part is read on its own (and a numbered resolution also as a whole). */
  private splitRun(s: Sentence, si: number, from: number, to: number, gazetteerOnly: boolean, out: Candidate[]): boolean {
    const w = this.runWords(s, from, to);
    const roleIdx = w.findIndex((x, k) => k > 0 && this.roleAt(w, k, w.length) > 0);
    // "Agriculture Secretary Francisco Tiu Laurel", "Executive Secretary Lucas Bersamin": portfolio words before a
    // title are the office's portfolio, not a body; the title and the person after it are read on their own
    if (roleIdx > 0 && this.isPortfolio(w.slice(0, roleIdx)) && !this.gazetteerAt(s, si, from, from + roleIdx)) {
      this.classifyRun(s, si, from + roleIdx, to, gazetteerOnly, out);
      return true;
    }
    const headIdx = w.findIndex((x) => this.cue.connectors.has(x));
    // "Abe and Park": an "and" joins two names unless an "of" or "for" came first ("Department of Health and Human
    // Services", "Department for Trade and Industry")
    const andIdx = w.indexOf("and");
    // ... nor in a body's or meeting's name (of the run up to `end`) whose "and" joins two common words: "Trade and
    // Industry Ministry", "House Ways and Means Committee", "Defence and Security Talks"
    const joinsWords = (end: number): boolean => {
      const last = w[end - from - 1] ?? "";
      return andIdx > 0 && andIdx < end - from - 2 && (this.cue.orgHeads.has(last) || this.cue.eventHeads.has(last)) &&
        [from + andIdx - 1, from + andIdx + 1].every((k) => this.isCommonNoun(w[k - from] ?? "") && !this.gazetteerAt(s, si, k, k + 1));
    };
    // "British Casino Association Chairman X": a body's head word before a title (the two are read apart below)
    const bodyThenTitle = roleIdx > 0 && (headIdx < 0 || (w[headIdx] === "and" && joinsWords(from + roleIdx))) &&
      w.slice(0, roleIdx).some((x) => this.cue.orgHeads.has(x));
    // "United Nations Secretary-General António Guterres": a title inside the run splits body from person
    const titled = w.some((x, k) => k > 0 && (this.lex.roles.get(x)?.prefix === true || this.lex.honorifics.has(x)));
    if ((andIdx > 0 && !joinsWords(to) && !bodyThenTitle && !w.slice(0, andIdx).some((x) => x === "of" || x === "for")) || (titled && !bodyThenTitle && this.gazetteerAt(s, si, from, to))) {
      this.gazetteerPieces(s, si, from, to, out);
      return true;
    }
    // "Presidential Communications Office Secretary Jaybee Ruiz", "Defence Forces Australia General Angus J. Campbell":
    // a body's name, then a title, then a person
    if (bodyThenTitle) {
      this.classifyRun(s, si, from, from + roleIdx, gazetteerOnly, out);
      this.classifyRun(s, si, from + roleIdx, to, gazetteerOnly, out);
      return true;
    }
    // "the U.S. Department of the Treasury Office of Foreign Assets Control": a unit's name ("Office of ...") after a
    // complete body's name ("... Department of the Treasury") is a second body
    const unit = w.findIndex((x, k) => k > 2 && SUB_BODY_HEADS.has(x) && w[k + 1] === "of" && /^\p{Lu}/u.test(s.tokens[from + k]?.text ?? ""));
    if (unit > 0 && w.slice(0, unit).some((x, k) => this.cue.orgHeads.has(x) && w[k + 1] === "of")) {
      this.classifyRun(s, si, from, from + unit, gazetteerOnly, out);
      this.classifyRun(s, si, from + unit, to, gazetteerOnly, out);
      return true;
    }
    // "UN Security Council Resolution 2216": a numbered resolution is an event; the body that passed it is named too
    const resolution = w.length > 2 ? w.lastIndexOf("resolution") : -1;
    if (resolution > 0 && w.slice(resolution + 1).length > 0 && w.slice(resolution + 1).every((x) => /^\d+$/.test(x))) {
      out.push(this.named(s, si, from, to, "event", "numbered-resolution"));
      const inner: Candidate[] = [];
      this.classifyRun(s, si, from, from + resolution, gazetteerOnly, inner);
      for (const c of inner) out.push({ ...c, nested: true });
      return true;
    }
    return false;
  }

  /** One name, its kind from its head word ("... Ministry", "... Summit", "Lake ..."), its first name, or the gazetteers. */
  private classifyByHead(s: Sentence, si: number, from: number, to: number, quoted: boolean, out: Candidate[]): void {
    const w = this.runWords(s, from, to);
    const last = w[w.length - 1] ?? "";
    const headIdx = w.findIndex((x) => this.cue.connectors.has(x));
    const head = headIdx > 0 ? w.slice(0, headIdx) : w;
    // "Joint Staff Headquarters", "Army Base": a facility is a place, whatever body owns it
    const facility = FACILITY_HEADS.has(last) && to - from > 1;
    if (!facility && (head.some((x) => this.cue.orgHeads.has(x)) || (headIdx > 0 && this.cue.orgHeads.has(last)))) {
      // "Washington Wilson Center": a place in front of a known organization is its own mention.
      const lead = this.gazetteerAt(s, si, from, to);
      const rest = lead ? this.gazetteerAt(s, si, lead.to, to) : undefined;
      if (lead && rest && rest.to === to) return void out.push(lead, rest);
      const org = this.named(s, si, from, to, "organization", "org-head");
      out.push(org);
      this.nestedCountries(s, si, from, to, out, org);
      // "Supreme Committee for the National Action Plan": a name after "for" or "of"; never after "&" ("Food & Agriculture Organisation")
      if (headIdx > 0 && w[headIdx] !== "&" && w[headIdx] !== "and") this.nestedAfterConnector(s, si, from + headIdx, to, out);
      return;
    }
    if (this.cue.eventHeads.has(last) && to - from > 1) return void out.push(this.named(s, si, from, to, "event", "event-head"));
    if (this.cue.placeHeads.has(last) && to - from > 1) return void out.push(this.named(s, si, from, to, "place", "place-head"));
    // "Lake Hamrin"; "Gulf of Aden", "Strait of Hormuz": the "of" names the water or land, no country is meant
    if (this.cue.placePrefixes.has(w[0] ?? "") && to - from > 1 && (headIdx < 0 || (headIdx === 1 && w[1] === "of" && to - from > 2))) {
      return void out.push(this.named(s, si, from, to, "place", "place-prefix"));
    }
    if (quoted && to - from >= 3 && headIdx > 0) return; // a title of a work: “The Future of Pak-US Relations”
    // "John Bolton": a first name before a town's name is a person, not a place
    // ... also with a particle inside: "Faisal bin Farhan", "Ursula von der Leyen"
    const particlesOnly = w.every((x) => !this.cue.connectors.has(x) || NAME_PARTICLES.has(x));
    if (to - from >= 2 && to - from <= (headIdx < 0 ? 3 : 5) && this.lex.firstNames.has(w[0] ?? "") && (headIdx < 0 || (headIdx > 0 && particlesOnly && headIdx < w.length - 1))) {
      const rest = this.gazetteerAt(s, si, from + 1, to);
      if (!rest || rest.kind === "place") return void out.push(this.named(s, si, from, to, "person", "first-name-person"));
    }
    this.gazetteerPieces(s, si, from, to, out);
  }

  /**
   * The tagger's spans around tokens [from, to), from a window of NER_CONTEXT tokens either side of the piece: its
   * features look two tokens either side, so the window gives nearly the sentence's own tags at a fraction of the
   * cost. (Tagging whole sentences of up to 24 tokens instead tagged 27% more tokens, changed 12 of 2,089 BBC
   * articles, mostly for the worse, and no gold figure.)
   */
  private nerSpans(from: number, to: number): NerSpan[] {
    const toks = this.nerTokens;
    const a = Math.max(0, from - NER_CONTEXT);
    const b = Math.min(toks.length, to + NER_CONTEXT);
    return this.tagger.tag(toks.slice(a, b).map((t) => t.text)).map((sp) => ({ ...sp, start: sp.start + a, end: sp.end + a }));
  }

  /** A grammar word or verb form in compromise's lexicon ("Would", "Across", "Pledged"), unless an acronym. */
  private isCommonWord(word: string): boolean {
    if (isAllCaps(word) && word.length <= 5) return false; // acronyms
    // only grammar words and verb forms: nouns ("Pence", "Rice", "Brown") are too often surnames
    return this.lex.grammarWords.has(word.toLowerCase());
  }

  /** A word of the dictionary that is no one's name ("ways", "industry", "security"; not "suisse", "nippon", "jane"). */
  private isCommonNoun(word: string): boolean {
    return (this.lex.knownWords.has(word) || this.cue.portfolioWords.has(word)) && !this.lex.firstNames.has(word) && !this.lex.lastNames.has(word);
  }

  /** Portfolio words only (connectors aside): an office's portfolio ("Foreign Affairs", "Public Works and Highways"). */
  private isPortfolio(words: readonly string[]): boolean {
    const content = words.filter((x) => !this.cue.connectors.has(x) && /\p{L}/u.test(x));
    return content.length > 0 && content.every((x) => this.cue.portfolioWords.has(x));
  }

  /**
   * "Chief of Army Staff", "Minister of Foreign Affairs", "President of the European Central Bank": a title, "of" or
   * "for", and its portfolio or body name no one. A body a list knows, or a name with a head word, is kept; common
   * portfolio words right after the title ("Foreign Affairs") are the office's, no entity. Returns whether the run was such a title.
   */
  private titleOf(s: Sentence, si: number, from: number, to: number, gazetteerOnly: boolean, out: Candidate[]): boolean {
    const toks = s.tokens;
    const w = toks.slice(from, to).map((t) => norm(t.text));
    let n = this.roleAt(w, 0, w.length) || (w.length > 2 && this.lex.roles.has(w[0] ?? "") ? 1 : 0);
    for (let more = n > 0 ? this.roleAt(w, n, w.length) : 0; more > 0; more = this.roleAt(w, n, w.length)) n += more; // "Deputy Chairman of"
    if (n === 0 || (w[n] !== "of" && w[n] !== "for")) return false;
    let a = from + n;
    while (a < to && this.cue.connectors.has(norm(toks[a]?.text ?? ""))) a++;
    if (a >= to) return false;
    const inner: Candidate[] = [];
    // "Chairman of Kyrgyzstan’s State Committee for National Security": the owner and the body are two names
    const own = toks.findIndex((t, k) => k > a && k < to - 1 && /^['’]s$/.test(t.text));
    if (own > 0) {
      this.classifyRun(s, si, a, own, gazetteerOnly, inner);
      this.classifyRun(s, si, own + 1, to, gazetteerOnly, inner);
    } else this.classifyRun(s, si, a, to, gazetteerOnly, inner);
    for (const c of inner) {
      const portfolio = c.kind !== "person" && !c.rule.startsWith("gazetteer") &&
        this.isPortfolio(c.text.split(/[\s-]+/).map(norm));
      if (!portfolio) out.push(c);
    }
    return true;
  }

  /** Whether the title last found by `roleAt` was plural ("Princes", "Lords"). */
  private pluralTitle = false;

  /**
   * Number of tokens of a title, honorific or epithet starting at w[i], or 0. Also recognised: a former title
   * ("Ex-PM", "former-minister"), a plural one ("Princes Charles and William", "Lords Bingham and Steyn") and a
   * descriptive word written like a title ("Euro-sceptic Kilroy-Silk").
   */
  private roleAt(w: readonly string[], i: number, n: number): number {
    for (let len = Math.min(3, n - i); len > 0; len--) {
      if (i + len >= n) continue;
      const phrase = w.slice(i, i + len).join(" ").replace(/\.$/, "");
      const bare = phrase.replace(/^(?:ex|former)-/, "");
      const singular = /[^s]s$/.test(bare) ? bare.slice(0, -1) : bare;
      for (const form of bare === singular ? [bare] : [bare, singular]) {
        if (this.lex.roles.get(form)?.prefix || this.lex.honorifics.has(form) || (len === 1 && this.lex.epithets.has(form))) {
          this.pluralTitle = form !== bare;
          return len;
        }
      }
    }
    return 0;
  }

  private named(s: Sentence, si: number, from: number, to: number, kind: EntityKind, rule: string): Candidate {
    const c = this.make(s, si, from, to, kind, true, "", rule);
    c.name = c.text;
    return c;
  }

  /** Countries written inside a longer name ("US State Department", "Pakistan Army"). */
  private nestedCountries(s: Sentence, si: number, from: number, to: number, out: Candidate[], outer: Candidate): void {
    for (let i = from; i < to; i++) {
      const g = this.gazetteerAt(s, si, i, i === from ? to - 1 : to);
      if (!g || (g.start === outer.start && g.end === outer.end)) continue;
      // a country inside a body's name is the body's country ("Pakistan Army"); a place there is part of the name
      // only ("University of London", "Alliance of Sahel States")
      if (g.kind === "country") {
        g.nested = true;
        out.push(g);
        i = g.to - 1;
      }
    }
  }

  private nestedAfterConnector(s: Sentence, si: number, from: number, to: number, out: Candidate[]): void {
    let a = from;
    while (a < to && this.cue.connectors.has(norm(s.tokens[a]?.text ?? ""))) a++;
    if (a >= to) return;
    const inner: Candidate[] = [];
    this.classifyRun(s, si, a, to, false, inner);
    // only what a cue or list is sure of: "National Action Plan" in "Supreme Committee for the National Action Plan"
    // (a body named by its head word alone is the outer body's portfolio: "Health and Human Services" in "Department
    // of Health and Human Services"; a listed body is one: "United Nations" in "Office of the United Nations ...")
    for (const c of inner) if ((c.kind === "event" || (c.kind === "organization" && c.rule.startsWith("gazetteer"))) && c.certain) out.push({ ...c, nested: true });
  }

  /** Splits a run into gazetteer entries and guesses for what is left ("United States Masood Khan"). */
  private gazetteerPieces(s: Sentence, si: number, from: number, to: number, out: Candidate[]): void {
    let i = from;
    let rest = from;
    const flush = (end: number) => {
      if (end > rest) this.guess(s, si, rest, end, out);
    };
    while (i < to) {
      const g = this.gazetteerAt(s, si, i, to);
      // "John Bolton": a town's name right after a first name is a surname
      const afterFirstName = g?.kind === "place" && i > rest && this.lex.firstNames.has(norm(s.tokens[i - 1]?.text ?? ""));
      if (g && !afterFirstName) {
        // "Central Asia", "East Africa": a compass word before a region is part of its name
        const compass = i > rest && g.kind === "place" && COMPASS.has(norm(s.tokens[i - 1]?.text ?? "")) && isCapitalized(s.tokens[i - 1]?.text ?? "");
        if (compass) {
          flush(i - 1);
          out.push(this.make(s, si, i - 1, g.to, "place", true, nameForm(s.text.slice((s.tokens[i - 1]?.start ?? 0) - s.start, g.end - s.start)), "gazetteer-compass"));
          i = g.to;
          rest = i;
          continue;
        }
        flush(i);
        out.push(g);
        i = g.to;
        rest = i;
      } else i = afterFirstName && g ? g.to : i + 1;
    }
    flush(to);
  }

  /** Candidates for the tagger's spans over piece [from, to), with the kind corrections word lists and GeoNames make. */
  private fromTaggerSpans(s: Sentence, si: number, from: number, to: number, spans: readonly NerSpan[], out: Candidate[]): void {
    const toks = s.tokens;
    for (const sp of spans) {
      let a = Math.max(from, sp.start);
      let b = Math.min(to, sp.end);
      // "UKIP MEP attacked ...": a role word at the end of a name is the role of someone unnamed, not the name
      while (b - a > 1 && this.lex.roles.get(norm(toks[b - 1]?.text ?? ""))?.prefix) b--;
      // one capitalised dictionary word ("Would", "Cooperation") after an odd capital is not a name
      if (b - a === 1 && this.isCommonWord(toks[a]?.text ?? "")) continue;
      let kind: EntityKind = sp.type === "PER" ? "person" : sp.type === "ORG" ? "organization" : "place";
      // "National Security Adviser": an office (portfolio words and a title) names no body; a name after it is the
      // office holder ("National Security Adviser Ed Vole")
      const sw = this.runWords(s, a, b);
      let office = -1;
      for (let k = 0; k < sw.length && (this.cue.portfolioWords.has(sw[k]!) || this.lex.roleWords.has(sw[k]!) || this.cue.connectors.has(sw[k]!)); k++) if (this.lex.roles.has(sw[k]!)) office = k;
      if (office === sw.length - 1) continue;
      let title: string | undefined;
      // (a person's name: two words or a known first name, not "Member States")
      if (office >= 0 && (sw.length - office - 1 >= 2 || this.lex.firstNames.has(sw[office + 1] ?? ""))) {
        title = sw.slice(0, office + 1).join(" ");
        a += office + 1;
        kind = "person";
      }
      // "PLAAF", "ISPR": one all-caps word in a sentence that is not all caps is an acronym, not a person
      if (kind === "person" && b - a === 1 && /^\p{Lu}{3,6}$/u.test(toks[a]?.text ?? "") && toks.some((t) => /\p{Ll}/u.test(t.text))) kind = "organization";
      // "Lake Tharthar", "Mount Sinjar": a place word in front names a place, as in classifyByHead
      if (kind !== "place" && b - a > 1 && this.cue.placePrefixes.has(norm(toks[a]?.text ?? ""))) kind = "place";
      // GeoNames knows the name as a town or region (and no word list as anything else): a place
      // (not over the tagger's organization right after a word that says it is one: "civil rights group Liberty")
      // ... and a name right after such a word is that body, whatever the tagger took it for ("brokerage Aton")
      const descriptor = BODY_DESCRIPTORS.has(toks[a - 1]?.text ?? "");
      if (descriptor) kind = "organization";
      const described = kind === "organization" && (descriptor || BODY_DESCRIPTORS.has(norm(toks[a - 1]?.text ?? "")));
      const place = kind !== "place" && !described && this.geoPlace(s.text.slice((toks[a]?.start ?? 0) - s.start, (toks[b - 1]?.end ?? 0) - s.start));
      if (place) kind = "place";
      const c = this.make(s, si, a, b, kind, false, "", place ? "ner-geonames" : title ? "ner-office-holder" : `ner-${sp.type}`);
      c.name = c.text;
      if (title) c.title = title;
      out.push(c);
    }
  }

  /** A name no list knows: its shape and the name lists decide. */
  private guess(s: Sentence, si: number, from: number, to: number, out: Candidate[]): void {
    const toks = s.tokens;
    while (from < to && this.cue.connectors.has(norm(toks[from]?.text ?? "")) && !openingParticle(toks, from)) from++;
    while (from < to && this.cue.connectors.has(norm(toks[to - 1]?.text ?? ""))) to--;
    if (from >= to) return;
    // "Abe and Park" are two names; an ampersand joins one company's name ("Ernst & Young")
    const andAt = toks.slice(from, to).findIndex((t) => t.text === "and");
    if (andAt > 0 && !this.gazetteerAt(s, si, from, to)) {
      this.guess(s, si, from, from + andAt, out);
      this.guess(s, si, from + andAt + 1, to, out);
      return;
    }
    let w = toks.slice(from, to).map((t) => norm(t.text));
    // "Secretary of State Condoleezza Rice" after "US": titles, then the name
    let title: string | undefined;
    for (let r = this.roleAt(w, 0, w.length); r > 0 && from + r < to; r = this.roleAt(w, 0, w.length)) {
      title = (title ? `${title} ` : "") + w.slice(0, r).join(" ");
      from += r;
      while (toks[from]?.text === "." && from < to - 1) from++;
      w = toks.slice(from, to).map((t) => norm(t.text));
    }
    if (title) {
      let nameTo = from;
      while (nameTo < to && (!this.cue.connectors.has(norm(toks[nameTo]?.text ?? "")) || isParticle(toks, nameTo, to))) nameTo++;
      const c = this.make(s, si, from, nameTo, "person", true, "", "title-name");
      c.name = c.text;
      c.title = title;
      out.push(c);
      if (nameTo < to) this.classifyRun(s, si, nameTo, to, false, out);
      return;
    }
    const firstTok = toks[from]?.text ?? "";
    if (w.every((x) => /^\d/.test(x))) return;
    if (to - from === 1 && (this.cue.notNames.has(w[0] ?? "") || this.cue.alwaysSkip.has(w[0] ?? ""))) return;
    if (to - from === 1 && (this.lex.roles.has(w[0] ?? "") || this.lex.honorifics.has(w[0] ?? "") || this.cue.notEntities.has(w[0] ?? ""))) return;
    if (w.every((x) => this.cue.notEntities.has(x))) return; // "Rohingya Muslim refugees": groups and faiths, no name
    const prev = norm(toks[from - 1]?.text ?? "");
    const at = toks[from]?.start ?? 0;
    if (this.titleRanges.some(([a, b]) => a <= at && at < b)) return;
    // The tagger decides where it has an opinion; its spans may split the piece.
    const spans = joinInitials(toks, this.nerSpans(from, to).filter((sp) => sp.start < to && sp.end > from && sp.type !== "MISC"));
    if (spans.length > 0) return this.fromTaggerSpans(s, si, from, to, spans, out);
    const n = to - from;
    let kind: Candidate["kind"] = "unknown";
    let rule = "guess-unknown";
    if (n === 1 && isAllCaps(firstTok) && firstTok.length >= 2 && firstTok.length <= 6 && /^\p{Lu}+$/u.test(firstTok)) {
      kind = prev === "in" ? "place" : "organization";
      rule = "guess-acronym";
    } else if (this.lex.firstNames.has(w[0] ?? "") && n >= 2 && n <= 4 && !w.some((x) => this.cue.connectors.has(x))) {
      kind = "person";
      rule = "guess-first-name";
    } else if (n === 1 && prev === "in" && !this.lex.lastNames.has(w[0] ?? "")) {
      kind = "place";
      rule = "guess-in-place";
    } else if (PLACE_KIND_AFTER.has(norm(toks[to]?.text ?? ""))) {
      // "the Swat district", "Zorbat province": the lower-case word after says what kind of place it is
      kind = "place";
      rule = "guess-place-noun";
    }
    if ((from === 0 || QUOTE_OPEN.has(prev)) && n === 1 && kind === "unknown") rule = "guess-initial"; // kept only if resolution knows it
    const c = this.make(s, si, from, to, kind, false, "", rule);
    c.name = c.text;
    out.push(c);
  }
}

/**
 * The candidate for the place or country part of a hyphenated word ("Afghanistan-based", "Hong Kong-based"): a
 * country by name or demonym is the country; a capital, or a place no country list knows, is a place.
 */
function hyphenPart(
  span: Pick<Candidate, "sentence" | "from" | "to" | "start" | "end" | "text">,
  country: { name: string; via: NonNullable<Candidate["countryVia"]> } | undefined,
  certain: boolean,
  rule: string,
): Candidate {
  const asCountry = country !== undefined && country.via !== "capital";
  const cand: Candidate = { ...span, kind: asCountry ? "country" : "place", certain, name: asCountry ? country.name : span.text, rule };
  if (country) { cand.countryVia = country.via; cand.country = country.name; }
  return cand;
}

/** Last words that make a name a facility, so a place, even after a body's name ("Army Headquarters"). */
const FACILITY_HEADS = wordClass("facility-heads");
const PLACE_KIND_AFTER = wordClass("place-kind-nouns");
const BODY_DESCRIPTORS = wordClass("body-descriptor-nouns");
const PLACE_EVENT_HEADS = wordClass("place-event-heads");
const PEERAGE_TITLES = wordClass("peerage-titles");
const PLACE_EVENT_TOPICS = wordClass("place-event-topics");

/** Compass words that make one place name with the gazetteer place after them ("North Waziristan"). */
const COMPASS = wordClass("compass-words");

/** "Angus J" + "." + "Campbell": a person's spans either side of a middle initial's full stop are one name. */
function joinInitials(toks: readonly Token[], spans: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const sp of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.type === "PER" && sp.type === "PER" && sp.start === prev.end + 1 && toks[prev.end]?.text === "." && /^\p{Lu}$/u.test(toks[prev.end - 1]?.text ?? "")) {
      prev.end = sp.end;
    } else out.push({ ...sp });
  }
  return out;
}

function titleCase(s: string): string {
  return isAllCaps(s) ? s.toLowerCase().replace(/(^|[\s/-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()) : s;
}
