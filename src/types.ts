// The data that flows through newsgraph, named by stage:
// RawArticle (ingest) -> Article (nlp: sentences, tokens) -> ArticleExtraction (extract + resolve inside one article)
// -> merged graph (graph) -> GraphJson (export). Every later stage reads only what an earlier one wrote.

export const ENTITY_KINDS = ["person", "country", "organization", "place", "event", "exercise"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const RELATION_FAMILIES = {
  communication: [
    "said", "urged", "asked", "warned", "praised", "criticized", "condemned", "accused", "denied",
    "announced", "thanked", "suggested", "welcomed", "rejected", "told",
  ],
  cooperation: [
    "supports", "met", "visited", "addressed", "hosted", "agreed_with", "signed", "provides", "cooperates_with",
  ],
  action: ["launched", "attacked", "participated_in", "deployed", "killed", "arrested"],
  structure: [
    "represents", "spokesperson_of", "leader_of", "member_of", "part_of", "located_in", "based_in",
  ],
} as const;
export type RelationFamily = keyof typeof RELATION_FAMILIES;
export type Relation = (typeof RELATION_FAMILIES)[RelationFamily][number];
export const RELATIONS: readonly Relation[] = Object.values(RELATION_FAMILIES).flat();
/** Relations where either direction means the same thing. */
export const SYMMETRIC_RELATIONS: ReadonlySet<Relation> = new Set<Relation>(["met", "cooperates_with", "agreed_with"]);

/** A character range [start, end) into an article's text. */
export interface Span {
  start: number;
  end: number;
}

/** What ingest hands on: one article as read from a file, before any language processing. */
export interface RawArticle {
  /**
   * Stable id: the holding folder and file name without extension ("politics/001"), or the `id` field of a JSON
   * record; `~` and 8 hex digits of the text's hash are added when another source already holds the id.
   */
  id: string;
  /**
   * The source's identity across runs (the file's real path, with `#id` or `#line` for a JSON record): the same
   * origin with another text is an update of that article, another origin with the same id a new article.
   * Absent for articles made in code; `source` stands in for it then.
   */
  origin?: string;
  /** The article text exactly as given (decoded; offsets everywhere else point into this string). */
  text: string;
  title: string | null;
  /** YYYY-MM-DD or null. */
  date: string | null;
  /** Where it came from: URL, or the path relative to the input it was found under. */
  source: string;
}

/** Article-level metadata carried into the graph. */
export interface ArticleMeta {
  id: string;
  title: string | null;
  date: string | null;
  source: string;
  /** Other articles with the same text (whitespace aside): extracted once, counted once, every source kept. */
  duplicates?: ArticleRef[];
}

/** Where an article came from: its id and source. */
export interface ArticleRef {
  id: string;
  source: string;
}

export interface Token extends Span {
  text: string;
  /** Filled by the parser (src/nlp/parse) on the sentences it parses; absent elsewhere. Universal POS tag. */
  upos?: string;
  /** Penn Treebank tag (UD English XPOS). */
  xpos?: string;
  /** Index of the head token in the same sentence's `tokens`; -1 for the sentence's root. */
  head?: number;
  /** UD basic relation to the head, with subtypes ("nsubj:pass", "nmod:poss", "obl:agent"); "root" for the root. */
  deprel?: string;
}

export interface Sentence extends Span {
  text: string;
  tokens: Token[];
  /** Index of the paragraph (line block) the sentence belongs to. */
  paragraph: number;
  /** A headline or other line without final punctuation. */
  headline: boolean;
}

/** nlp output: the article with its text cut into sentences and tokens; page debris is left out. */
export interface Article extends RawArticle {
  sentences: Sentence[];
  words: number;
}

/** One place an entity is named in an article. */
export interface Mention extends Span {
  text: string;
  /** Index into Article.sentences. */
  sentence: number;
}

/** The stating sentence of an edge, with offsets into the article text. */
export interface Evidence extends Span {
  document: string;
  text: string;
  /** The quotation, when the statement is a direct quote. */
  quote?: string;
  /** The rule that produced the edge from this sentence. */
  rule: string;
}

/** An entity as resolved inside one article. `id` is local to the article ("e0", "e1", ...). */
export interface DocEntity {
  id: string;
  kind: EntityKind;
  /** The canonical (longest, most complete) name. */
  name: string;
  /** Every surface form seen, including `name`. */
  aliases: string[];
  mentions: Mention[];
  /** Title, role or epithet written before the name ("lord", "ex-pm", "euro-sceptic"), lower-cased; never in `name`. */
  title?: string;
}

export interface DocRelation {
  source: string;
  target: string;
  relation: Relation;
  evidence: Evidence;
  cameo?: string;
}

export interface DocQuote extends Span {
  speaker: string;
  text: string;
}

/** Everything newsgraph learned from one article; the unit that is cached, stored and merged. */
export interface ArticleExtraction {
  article: ArticleMeta;
  words: number;
  entities: DocEntity[];
  relations: DocRelation[];
  quotes: DocQuote[];
}

// ---- Graph JSON contract (graphology serialization format) ----

export interface QuoteAttribute extends Span {
  text: string;
  document: string;
}

export interface NodeAttributes {
  label: string;
  kind: EntityKind;
  aliases: string[];
  /** Number of times the entity is named across all articles. */
  mentions: number;
  /** Ids of the articles that name it. */
  documents: string[];
  quotes: QuoteAttribute[];
  /** The title or role most often written before the name ("lord", "ambassador"); never part of `label`. */
  title?: string;
  /** Why cross-article resolution joined differently named entities into this node, one reason per join. */
  merged?: string[];
  x: number;
  y: number;
  size: number;
}

export interface EdgeAttributes {
  relation: Relation;
  /** Number of statements (evidence sentences) behind the edge. */
  weight: number;
  evidence: Evidence[];
  cameo?: string;
  /** The rule of the first evidence; each evidence item names its own. */
  rule: string;
}

export interface GraphAttributes {
  generator: string;
  version: string;
  articles: ArticleMeta[];
}

export interface SerializedNode {
  key: string;
  attributes: NodeAttributes;
}

export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

export interface GraphJson {
  attributes: GraphAttributes;
  options: { type: "directed"; multi: true; allowSelfLoops: false };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

// ---- Query API contract (`newsgraph view --db`): what the server answers and the page reads ----

/** An entity as the query API lists it (no positions: the page places what it draws). */
export interface ApiNode {
  key: string;
  label: string;
  kind: EntityKind;
  aliases: string[];
  mentions: number;
  /** Evidence sentences on its edges (in the date window when one is given). */
  strength: number;
}

export interface ApiEdge {
  key: string;
  source: string;
  target: string;
  relation: Relation;
  /** Evidence sentences behind it (in the date window when one is given). */
  weight: number;
  cameo?: string;
}

/** A piece of the graph: what the page adds to its drawing. */
export interface FocusGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

export interface SearchHit {
  key: string;
  label: string;
  kind: EntityKind;
  mentions: number;
  /** The alias that matched, when it was not the label. */
  alias?: string;
}

export interface NeighbourhoodQuery {
  key: string;
  /** 1 or 2. */
  hops: number;
  /** Edges per hop, strongest first. */
  limit: number;
  relations?: string[];
  /** Kinds of the neighbours. */
  kinds?: string[];
  since?: string | null;
  until?: string | null;
}

export interface TopQuery {
  limit: number;
  since?: string | null;
  until?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}

export interface EvidenceRow extends Evidence {
  edge: string;
  relation: Relation;
  source: string;
  target: string;
  date: string | null;
}

export interface QuoteRow extends QuoteAttribute {
  date: string | null;
}

export interface EntityDetails {
  node: ApiNode;
  articles: number;
}

export interface StoreInfo {
  articles: number;
  nodes: number;
  edges: number;
  firstDate: string | null;
  lastDate: string | null;
}
