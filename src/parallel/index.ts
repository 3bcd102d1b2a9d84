// Corpus-scale extraction: articles stream in, extractions come out in input order, computed on every core.
// The order of events never depends on timing, so a parallel build writes the same bytes as a sequential one.
// Memory stays bounded: at most `maxInFlight` articles are read ahead of the oldest unfinished one.
import { availableParallelism } from "node:os";
import type { IngestEvent, InputProblem } from "../ingest/index.js";
import type { ArticleExtraction, ArticleMeta, RawArticle } from "../types.js";
import { DuplicateIndex } from "./dedupe.js";
import { ExtractionPool } from "./pool.js";
import type { ReplyMessage } from "./messages.js";

export { textKey, DuplicateIndex } from "./dedupe.js";
export { ExtractionPool, WorkerPoolError } from "./pool.js";

export interface ParallelOptions {
  /** Worker threads; 0 extracts in this thread. Default: the number of cores. */
  workers?: number;
  /** Inputs with fewer articles than this are extracted in this thread (worker start-up would dominate). */
  minParallel?: number;
  /** Most articles read ahead of the oldest unfinished one. Default: 16 per worker. */
  maxInFlight?: number;
  /** Extract identical texts once (default true); later copies become `duplicate` events. */
  dedupe?: boolean;
}

export const DEFAULT_MIN_PARALLEL = 50;
export const IN_FLIGHT_PER_WORKER = 16;

/** What `extractStream` yields, one per ingest event, in input order. */
export type ExtractEvent =
  | { type: "extraction"; extraction: ArticleExtraction; ms: number }
  | { type: "duplicate"; article: ArticleMeta; of: string }
  | { type: "failed"; article: ArticleMeta; message: string }
  | { type: "problem"; problem: InputProblem };

function metaOf(a: RawArticle): ArticleMeta {
  return { id: a.id, title: a.title, date: a.date, source: a.source };
}

function fromReply(reply: ReplyMessage, article: ArticleMeta): ExtractEvent {
  return "extraction" in reply
    ? { type: "extraction", extraction: reply.extraction, ms: reply.ms }
    : { type: "failed", article, message: reply.error };
}

type Extract = (raw: RawArticle) => ArticleExtraction;

/** The extractor, imported only when this thread extracts: with workers, the main thread never loads it (~1 s CPU). */
async function loadExtract(): Promise<Extract> {
  return (await import("../pipeline/article.js")).extractArticle;
}

function extractHere(extract: Extract, article: RawArticle): ExtractEvent {
  const started = performance.now();
  try {
    return { type: "extraction", extraction: extract(article), ms: performance.now() - started };
  } catch (err) {
    return { type: "failed", article: metaOf(article), message: err instanceof Error ? err.message : String(err) };
  }
}

const ignore = (): void => {};

/**
 * Extracts every article of an ingest stream, on worker threads once there are at least `minParallel` articles.
 * Yields one event per input event, in input order; an article that throws becomes a `failed` event.
 */
export async function* extractStream(events: AsyncIterable<IngestEvent>, options: ParallelOptions = {}): AsyncGenerator<ExtractEvent> {
  const workers = options.workers ?? availableParallelism();
  const minParallel = options.minParallel ?? DEFAULT_MIN_PARALLEL;
  const maxInFlight = Math.max(1, options.maxInFlight ?? IN_FLIGHT_PER_WORKER * Math.max(workers, 1));
  const duplicates = options.dedupe === false ? undefined : new DuplicateIndex();
  const source = events[Symbol.asyncIterator]();

  // Look ahead far enough to know whether workers pay off.
  const head: IngestEvent[] = [];
  let ended = false;
  for (let articles = 0; workers > 0 && articles < minParallel; ) {
    const next = await source.next();
    if (next.done) { ended = true; break; }
    head.push(next.value);
    if (next.value.type === "article") articles++;
  }
  const pool = workers > 0 && !ended ? new ExtractionPool(workers) : undefined;
  const extract = pool ? undefined : await loadExtract();

  let seq = 0;
  const submit = (event: IngestEvent): ExtractEvent | Promise<ExtractEvent> => {
    if (event.type === "problem") return event;
    const article = event.article;
    const of = duplicates?.check(article.text, article.id);
    if (of !== undefined) return { type: "duplicate", article: metaOf(article), of };
    if (!pool) return extractHere(extract as Extract, article);
    const meta = metaOf(article);
    const promise = pool.run(seq++, article).then((reply) => fromReply(reply, meta));
    promise.catch(ignore); // awaited in order below; this only keeps an early failure from being "unhandled"
    return promise;
  };

  const window: (ExtractEvent | Promise<ExtractEvent>)[] = [];
  try {
    for (const event of head) {
      window.push(submit(event));
      while (window.length >= maxInFlight) yield await (window.shift() as ExtractEvent | Promise<ExtractEvent>);
    }
    head.length = 0;
    while (!ended) {
      const next = await source.next();
      if (next.done) break;
      window.push(submit(next.value));
      while (window.length >= maxInFlight) yield await (window.shift() as ExtractEvent | Promise<ExtractEvent>);
    }
    while (window.length > 0) yield await (window.shift() as ExtractEvent | Promise<ExtractEvent>);
  } finally {
    // Also reached when the consumer stops early: close the input (its open file) and stop the workers.
    await source.return?.(undefined);
    await pool?.close();
  }
}

export interface ExtractAllResult {
  /** In input order; a duplicate's id and source are listed in its first copy's `article.duplicates`. */
  extractions: ArticleExtraction[];
  /** Words in the extracted (first) copies. */
  words: number;
  duplicates: number;
  failed: number;
  /** Summed extraction time of every article, in milliseconds (CPU time across workers, roughly). */
  extractMs: number;
}

/** Runs `extractStream` to the end and collects what the merge needs; `onEvent` sees every event (progress, problems). */
export async function extractAll(
  events: AsyncIterable<IngestEvent>,
  options: ParallelOptions & { onEvent?: (event: ExtractEvent) => void } = {},
): Promise<ExtractAllResult> {
  const result: ExtractAllResult = { extractions: [], words: 0, duplicates: 0, failed: 0, extractMs: 0 };
  const byId = new Map<string, ArticleExtraction>();
  const copies = new Map<string, ArticleMeta>();
  for await (const event of extractStream(events, options)) {
    options.onEvent?.(event);
    switch (event.type) {
      case "extraction":
        result.extractions.push(event.extraction);
        byId.set(event.extraction.article.id, event.extraction);
        result.words += event.extraction.words;
        result.extractMs += event.ms;
        break;
      case "duplicate": {
        result.duplicates++;
        const first = byId.get(event.of)?.article;
        if (first) (first.duplicates ??= []).push({ id: event.article.id, source: event.article.source });
        copies.set(event.article.id, { id: event.article.id, title: event.article.title, date: event.article.date, source: event.article.source });
        break;
      }
      case "failed":
        result.failed++;
        break;
      case "problem":
        break;
    }
  }
  for (const x of result.extractions) if (x.article.duplicates) representSmallest(x, copies);
  return result;
}

/**
 * Of several copies of one text the smallest id speaks for them all, whatever order they came in, so the graph
 * does not depend on input order. The text is the same, so the extraction is too: only the article's metadata and
 * the evidence's document ids change.
 */
function representSmallest(x: ArticleExtraction, copies: ReadonlyMap<string, ArticleMeta>): void {
  const { duplicates = [], ...first } = x.article;
  const all = [first, ...duplicates.map((d) => copies.get(d.id) ?? { id: d.id, title: null, date: null, source: d.source })];
  all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = all[0] as ArticleMeta;
  x.article = { ...chosen, duplicates: all.slice(1).map((a) => ({ id: a.id, source: a.source })) };
  if (chosen.id !== first.id) for (const r of x.relations) r.evidence.document = chosen.id;
}
