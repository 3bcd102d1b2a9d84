// Finds an entity's names inside an evidence sentence so the page can mark them (as text, never as HTML).

export interface Segment {
  text: string;
  /** Which name group matched (e.g. "self" / "other"), or null for plain text. */
  tag: string | null;
}

export interface NameGroup {
  tag: string;
  names: readonly string[];
}

const WORD = /[\p{L}\p{N}]/u;

function isBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  return !(WORD.test(text[index - 1] ?? "") && WORD.test(text[index] ?? ""));
}

interface Match {
  start: number;
  end: number;
  tag: string;
}

/**
 * Cuts `text` into plain and tagged segments. Matching is case-insensitive and on word boundaries; where matches
 * overlap the earliest wins, then the longest ("Ambassador Masood Khan" over "Khan"), then the first group.
 */
export function highlightSegments(text: string, groups: readonly NameGroup[]): Segment[] {
  const lower = text.toLowerCase();
  const matches: Match[] = [];
  groups.forEach((group) => {
    for (const name of new Set(group.names)) {
      const needle = name.trim().toLowerCase();
      if (needle.length < 2) continue;
      let from = 0;
      for (;;) {
        const at = lower.indexOf(needle, from);
        if (at < 0) break;
        const end = at + needle.length;
        if (isBoundary(lower, at) && isBoundary(lower, end)) matches.push({ start: at, end, tag: group.tag });
        from = at + 1;
      }
    }
  });
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let pos = 0;
  for (const m of matches) {
    if (m.start < pos) continue;
    if (m.start > pos) segments.push({ text: text.slice(pos, m.start), tag: null });
    segments.push({ text: text.slice(m.start, m.end), tag: m.tag });
    pos = m.end;
  }
  if (pos < text.length || segments.length === 0) segments.push({ text: text.slice(pos), tag: null });
  return segments;
}
