// Robustness: 10,000 generated articles - random Unicode, huge tokens, format characters inside names, mixed
// scripts, unbalanced quotes, HTML fragments, empty strings, control characters, and news-like sentences to reach the relation rules - go through extractArticle
// and buildGraph. Nothing may throw or hang, and every graph must pass the contract (validateGraphJson) with
// evidence that points into the article it names. Fixed seed: a failure is reproducible and shrinks to a case.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateGraphJson } from "../src/export/schema.js";
import { buildGraph, extractArticle } from "../src/index.js";
import type { ArticleExtraction, GraphJson, RawArticle } from "../src/types.js";

const SEED = 424242;
const BATCH = 20;
const BATCHES = 500; // BATCH * BATCHES = 10,000 articles
/** One article may take this long at most (wall clock, so generous for loaded CI machines); a short one takes ~2 ms. */
const MAX_ARTICLE_MS = 5_000;

const NAMES = [
  "Pakistan", "the United States", "Masood Khan", "Ambassador Masood Khan", "Washington", "China", "NATO",
  "Prime Minister Shehbaz Sharif", "the Wilson Center", "Islamabad", "Operation Azm-e-Istehkam", "Khan", "he", "she",
  "the Taliban", "Afghanistan", "Reuters", "Joe Biden", "President Biden", "the European Union", "India",
];
const VERBS = [
  "said", "urged", "asked", "warned", "met", "visited", "attacked", "condemned", "praised", "accused", "told",
  "signed an agreement with", "launched", "arrested", "supports", "denied", "thanked", "hosted", "is a member of",
];
const JUNK = [
  "“", "”", "\"", "'", "‘", "’", "«", "»", "(", ")", "[", "]", "<p>", "</p>", "<script>alert(1)</script>", "<b>",
  "&amp;", "&nbsp;", "\u0000", "\u0007", "\u001b[31m", "\u200b", "\u2028", "\uFEFF", "\uD800", "\uDFFF", "😀",
  "👩‍👩‍👧", "\t", "\n", "\n\n", "\r\n", "...", "?!", "—", "-", ":", ";", ",", ".", "Mr.", "U.S.", "Dr.", "No.",
];
/** Invisible format characters (zero-width space, joiners, soft hyphen, bidi controls, word joiner, BOM). */
const FORMAT = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u202e", "\u202c", "\u2066", "\u2069", "\u200e", "\u2060", "\uFEFF"];
/** Names in other scripts and mixed scripts, as multilingual news quotes them. */
const SCRIPTS = ["Владимир Путин", "習近平", "محمد بن سلمان", "Ολυμπία", "नरेंद्र मोदी", "Zelensky Зеленський", "Tokyo 東京", "José María", "Jose\u0301 Mari\u0301a"];

/** A name with format characters dropped in anywhere: they must neither split it nor join it to its neighbours. */
const veiledName = fc
  .tuple(fc.constantFrom(...NAMES, ...SCRIPTS), fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...FORMAT)), { maxLength: 3 }))
  .map(([name, cuts]) => cuts.reduce((n, [at, f]) => n.slice(0, at % (n.length + 1)) + f + n.slice(at % (n.length + 1)), name));

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: veiledName },
  { weight: 1, arbitrary: fc.constantFrom(...FORMAT) },
  { weight: 3, arbitrary: fc.constantFrom(...VERBS) },
  { weight: 3, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 6 }) },
);

/** A news-like sentence: "Masood Khan urged the United States to provide ...", often with a quote. */
const sentence = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VERBS), fc.constantFrom(...NAMES), fc.array(word, { maxLength: 6 }), fc.boolean())
  .map(([s, v, o, rest, quoted]) => {
    const core = `${s} ${v} ${o} ${rest.join(" ")}`;
    return quoted ? `“${core},” ${s} said.` : `${core}.`;
  });

const texts: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(" ")) },
  { weight: 4, arbitrary: fc.array(word, { maxLength: 40 }).map((w) => w.join(" ")) },
  { weight: 2, arbitrary: fc.tuple(fc.array(fc.oneof(sentence, word), { maxLength: 12 }), fc.constantFrom(" ", "\n", "")).map(([w, sep]) => w.join(sep)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\n", "\n\n\n", ".", "“", "\"\"\"", "<", "<html></html>") },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "Pakistan", "x\u0301", "😀", "-"), fc.integer({ min: 1_000, max: 20_000 })).map(([t, n]) => t.repeat(n)) },
  // long tokens inside news: a capitalised "word" of thousands of letters between real names
  { weight: 1, arbitrary: fc.tuple(sentence, fc.constantFrom("A", "Khan", "\u200bX", "Ж"), fc.integer({ min: 200, max: 5_000 }), sentence).map(([a, t, n, b]) => `${a} The ${t.repeat(n)} said. ${b}`) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("<div>", "</div>", "<a href='x'>", "</a>", "<!--", "-->", "<p>Khan said</p>", "<script>", "&lt;", "<br/>"), { maxLength: 30 }).map((t) => t.join("")) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("“", "”", "\"", "'", "Khan said", " ", "Pakistan urged", ".", "\n"), { maxLength: 60 }).map((t) => t.join("")) },
);

const article = fc.record({
  text: texts,
  title: fc.option(fc.string({ maxLength: 80 }), { nil: null }),
  date: fc.option(fc.date({ min: new Date("1980-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  source: fc.constantFrom("seeds/x.txt", "https://example.com/a", "corpus.jsonl:12"),
});

/**
 * Evidence and quotes must point into the article they name: text.slice(start, end) is exactly their text, or
 * (cut to the length limit) begins with it before the "…" that marks the cut.
 */
function checkOffsets(graph: GraphJson, texts: ReadonlyMap<string, string>): string[] {
  const errors: string[] = [];
  const check = (item: { document: string; start: number; end: number; text: string }, where: string): void => {
    const text = texts.get(item.document);
    const span = text?.slice(item.start, item.end);
    const cut = item.text.endsWith("…") && span !== undefined && span.startsWith(item.text.slice(0, -1));
    if (text === undefined) errors.push(`${where}: unknown document ${item.document}`);
    else if (item.end > text.length) errors.push(`${where}: end ${item.end} past the text (${text.length})`);
    else if (span !== item.text && !cut) errors.push(`${where}: offsets do not select its text`);
  };
  for (const e of graph.edges) e.attributes.evidence.forEach((ev, i) => check(ev, `${e.key}.evidence[${i}]`));
  for (const n of graph.nodes) n.attributes.quotes.forEach((q, i) => check(q, `${n.key}.quotes[${i}]`));
  return errors;
}

describe("fuzz: extractArticle + buildGraph on 10,000 malformed articles", () => {
  it("never throws or hangs, and every graph is valid", () => {
    let run = 0;
    let articles = 0;
    let slowest = 0;
    let edges = 0;
    fc.assert(
      fc.property(fc.array(article, { minLength: BATCH, maxLength: BATCH }), (batch) => {
        run++;
        const texts = new Map<string, string>();
        const extractions: ArticleExtraction[] = batch.map((a, i) => {
          const raw: RawArticle = { ...a, id: `r${run}-${i}` };
          texts.set(raw.id, raw.text);
          const started = performance.now();
          const x = extractArticle(raw);
          slowest = Math.max(slowest, performance.now() - started);
          articles++;
          return x;
        });
        // Layout is slow and independent of the text; run it on one batch in 25 to cover positions and sizes.
        const graph = buildGraph(extractions, { layout: run % 25 === 0, seed: 7 });
        edges += graph.edges.length;
        const result = validateGraphJson(JSON.parse(JSON.stringify(graph)));
        expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
        expect(checkOffsets(graph, texts)).toEqual([]);
        // names are bounded and show no invisible characters
        const badNames = graph.nodes.flatMap((n) => [n.attributes.label, ...n.attributes.aliases]).filter((l) => l.length > 120 || /\p{Cf}/u.test(l));
        expect(badNames.map((l) => l.slice(0, 60))).toEqual([]);
      }),
      { seed: SEED, numRuns: BATCHES, endOnFailure: true },
    );
    expect(articles).toBeGreaterThanOrEqual(10_000);
    expect(slowest).toBeLessThan(MAX_ARTICLE_MS);
    expect(edges).toBeGreaterThan(0); // the news-like sentences do reach the relation rules
  }, 120_000);
});
