// Article identity in a store that grows run by run. An id ("politics/001") names a source file or record; the
// origin (its real path) says which source it is; the hash says which text. The rules:
// - a text already stored is not stored again: of several sources with one text the smallest id holds it,
//   whatever order they arrive in;
// - a source stored before with another text is an update of that article (same id, new extraction);
// - a different source whose id is taken gets `~` and 8 hex digits of its text's hash, never the other's place.
// The logic is a pure function of what the store holds, so every back end shares it.
import type { ArticleExtraction } from "../types.js";

/**
 * What a store holds about one source, for planning: a stored article, or a copy whose text another id holds.
 * `origin` is null in stores made before origins.
 */
export interface StoredRow {
  id: string;
  hash: string;
  origin: string | null;
}

/** The look-ups planning needs from a back end. */
export interface ArticlePlace {
  byId(id: string): StoredRow | undefined;
  byOrigin(origin: string): StoredRow | undefined;
  /** The id of the article stored with this text hash, if any. */
  byHash(hash: string): string | undefined;
}

/** One article arriving: its id as ingest gave it, the hash of its text and its origin. */
export interface Arrival {
  id: string;
  hash: string;
  origin: string;
}

/**
 * What to do: the id to store under; `drop`, this source's row with its old text, removed first; `demote`, the
 * article that held this text under a larger id and becomes a copy of it; `write`, whether to extract and write
 * the article (else it is recorded as a copy of the text's holder, unless it is that holder).
 */
export interface ArticlePlan {
  outcome: "added" | "updated" | "skipped";
  id: string;
  drop: string[];
  demote?: string;
  write: boolean;
  /** The id holding this text when `write` is false. */
  holder?: string;
}

/** The id this source has or would get: its own row's, its given id when free, else `id~hash8` (then `-2`, ...). */
function placeFor(place: ArticlePlace, a: Arrival): { id: string; own: StoredRow | undefined } {
  const own = place.byOrigin(a.origin);
  if (own) return { id: own.id, own };
  const atId = place.byId(a.id);
  // A row from before origins were kept counts as this source: that is how it was matched then.
  if (!atId || atId.origin === null) return { id: a.id, own: atId };
  const base = `${a.id}~${a.hash.slice(0, 8)}`;
  let id = base;
  for (let n = 2; ; n++) {
    const row = place.byId(id);
    if (!row || row.origin === a.origin) return { id, own: row };
    id = `${base}-${n}`;
  }
}

export function planArticle(place: ArticlePlace, a: Arrival): ArticlePlan {
  const { id, own } = placeFor(place, a);
  const stale = own !== undefined && own.hash !== a.hash ? [own.id] : [];
  const holder = place.byHash(a.hash);
  if (holder === undefined) {
    return { outcome: own ? "updated" : "added", id, drop: stale, write: true };
  }
  const outcome = stale.length > 0 ? "updated" : "skipped";
  // The text is stored already: the smaller id holds it, so arrival order never decides which copy stays.
  if (holder === id || holder < id) return { outcome, id, drop: stale, write: false, holder };
  return { outcome, id, drop: stale, demote: holder, write: true };
}

/** The extraction with its article id (and every evidence's document) set to `id`. */
export function withArticleId(x: ArticleExtraction, id: string): ArticleExtraction {
  if (x.article.id === id) return x;
  const from = x.article.id;
  return {
    ...x,
    article: { ...x.article, id },
    relations: x.relations.map((r) => (r.evidence.document === from ? { ...r, evidence: { ...r.evidence, document: id } } : r)),
  };
}
