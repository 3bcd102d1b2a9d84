// Autocomplete over labels and aliases. Plain data in, ranked hits out: no DOM, tested in Node.

export interface SearchEntry {
  node: string;
  label: string;
  kind: string;
  /** The surface form this entry matches on (the label or one alias). */
  text: string;
  norm: string;
  weight: number;
}

export interface SearchHit {
  node: string;
  label: string;
  kind: string;
  /** The alias that matched, when it is not the label. */
  alias: string | null;
  score: number;
}

export interface SearchableNode {
  key: string;
  label: string;
  kind: string;
  aliases?: readonly string[];
  mentions?: number;
}

/** Lower case, accents removed, runs of space and punctuation folded, so "Azm-e-Istekam" finds "azm e istekam". */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function buildSearchIndex(nodes: Iterable<SearchableNode>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const n of nodes) {
    const seen = new Set<string>();
    for (const text of [n.label, ...(n.aliases ?? [])]) {
      const norm = normalize(text);
      if (!norm || seen.has(norm)) continue;
      seen.add(norm);
      entries.push({ node: n.key, label: n.label, kind: n.kind, text, norm, weight: n.mentions ?? 0 });
    }
  }
  return entries;
}

/** 0 exact, 1 prefix, 2 a word starts with the query, 3 substring; -1 no match. */
function rank(norm: string, query: string): number {
  if (norm === query) return 0;
  if (norm.startsWith(query)) return 1;
  if (norm.includes(" " + query)) return 2;
  if (norm.includes(query)) return 3;
  return -1;
}

/** Best hits first, one per node: by match rank, then mentions, then shorter label. */
export function search(index: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  const best = new Map<string, { entry: SearchEntry; score: number }>();
  for (const entry of index) {
    const r = rank(entry.norm, q);
    if (r < 0) continue;
    // A match on the label beats the same kind of match on an alias ("Washington" the city over the US alias).
    const score = r * 2 + (entry.text === entry.label ? 0 : 1);
    const prev = best.get(entry.node);
    if (!prev || score < prev.score) best.set(entry.node, { entry, score });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || b.entry.weight - a.entry.weight || a.entry.label.length - b.entry.label.length || (a.entry.label < b.entry.label ? -1 : 1))
    .slice(0, limit)
    .map(({ entry, score }) => ({
      node: entry.node,
      label: entry.label,
      kind: entry.kind,
      alias: entry.text !== entry.label && normalize(entry.label) !== entry.norm ? entry.text : null,
      score,
    }));
}
