// Title and date of a plain-text or Markdown article, guessed from its first lines. The text itself is returned
// untouched, so the title line stays part of it and offsets keep pointing at the file's characters.
import { findDate } from "./dates.js";

/** How far into a file the header (title, byline, date lines) is looked for. */
const HEADER_LINES = 12;
const MAX_TITLE_CHARS = 150;
/** A line this long, or with this many words, is body text: the header ends there. */
const BODY_LINE_CHARS = 150;
const BODY_LINE_WORDS = 20;

export interface TextMeta {
  title: string | null;
  date: string | null;
}

/** "WASHINGTON/Islamabad:", "NEW YORK:", "SALVADOR, Feb 26 -", "LONDON (Reuters) -": the place a story was filed. */
const DATELINE =
  /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:\/[A-Za-z.'’ -]+)?(?:,[^:–—]{1,40}?)?\s*(?:\([^)]{1,30}\))?\s*(?::|\s[-–—]{1,2})\s/u;
const TICKER_MARKS = /[▲▼►◄↑↓]|\(\s*[+-]?\d+(?:\.\d+)?%\s*\)/u;
const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;

function words(line: string): string[] {
  return line.split(/\s+/).filter((w) => w !== "");
}

/**
 * Page debris before the headline: stock tickers, "Print Print 2024-06-30", bare date or byline lines.
 * They are skipped when looking for the title (their date is still used).
 */
export function isDebrisLine(line: string): boolean {
  const ws = words(line);
  if (ws.length === 0) return true;
  if (TICKER_MARKS.test(line)) return true;
  // "Print Print 2024-06-30", "Share Share": a button label doubled by the scraper (but not "Duran Duran show").
  const doubled = ws.some((w, i) => i > 0 && w.toLowerCase() === ws[i - 1]?.toLowerCase());
  if (doubled && (ws.length <= 3 || /\d/.test(line))) return true;
  // Mostly prices and figures ("88.00 0.90 1.03%"), not a headline that mentions a year or a rate.
  const numeric = ws.filter((w) => /^[\d.,:;%()+\-$£€/]+$/.test(w) && /\d/.test(w)).length;
  if (numeric / ws.length > 0.5) return true;
  if (findDate(line) && ws.length <= 8) return true;
  return !/\p{L}{2}/u.test(line);
}

function endsLikeSentence(line: string): boolean {
  if (!line.endsWith(".") || line.endsWith("...")) return false;
  return !/\b(?:[A-Z]\.){2,}$/.test(line); // "U.S." ends a headline, not a sentence
}

function looksLikeTitle(line: string): boolean {
  return line.length <= MAX_TITLE_CHARS && !endsLikeSentence(line) && !DATELINE.test(line) && /\p{L}/u.test(line);
}

function isBodyLine(line: string): boolean {
  return line.length > BODY_LINE_CHARS || words(line).length >= BODY_LINE_WORDS;
}

/** YAML front matter (`---` ... `---`) at the very start of a Markdown file: its `title:` and `date:`. */
function frontMatter(lines: readonly string[]): { meta: Partial<TextMeta>; end: number } | null {
  if (lines[0]?.trim() !== "---") return null;
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
  if (close < 0 || close > 50) return null;
  const meta: Partial<TextMeta> = {};
  for (const line of lines.slice(1, close)) {
    const m = /^(title|date)\s*:\s*["']?(.*?)["']?\s*$/i.exec(line);
    if (!m || !m[2]) continue;
    if (m[1]?.toLowerCase() === "title") meta.title = m[2];
    else meta.date = findDate(m[2])?.date ?? null;
  }
  return { meta, end: close + 1 };
}

/** The part of a long first body line that can hold a dateline date: "LONDON, June 30, 2024 (Reuters) - ...". */
function datelinePrefix(line: string): string {
  const m = /^(.{1,60}?)(?::|\s[-–—]{1,2})\s/u.exec(line);
  return m?.[1] ?? "";
}

/** Guesses title and date from the header lines of a plain-text or Markdown article. */
export function textMeta(text: string, markdown: boolean): TextMeta {
  const lines = text.split("\n");
  const front = markdown ? frontMatter(lines) : null;
  const header: string[] = [];
  let bodyFirst: string | null = null;
  let hasMore = false;
  for (const raw of lines.slice(front?.end ?? 0)) {
    const line = raw.trim();
    if (line === "") continue;
    if (bodyFirst !== null || header.length >= HEADER_LINES) {
      hasMore = true;
      break;
    }
    if (isBodyLine(line)) bodyFirst = line;
    else header.push(line);
  }
  hasMore ||= bodyFirst !== null;

  let date: string | null = front?.meta.date ?? null;
  for (const line of header) date ??= findDate(line)?.date ?? null;
  if (bodyFirst !== null) date ??= findDate(datelinePrefix(bodyFirst))?.date ?? null;

  let title: string | null = front?.meta.title ?? null;
  if (title === null) {
    // Only the first line that is not page debris may be the title; a later short line is a subheading or byline.
    const first = header.find((l) => !isDebrisLine(l) || (markdown && MARKDOWN_HEADING.test(l)));
    const heading = markdown && first ? MARKDOWN_HEADING.exec(first)?.[1] : undefined;
    if (heading) title = heading;
    else if (first !== undefined && looksLikeTitle(first) && (header.length > 1 || hasMore)) title = first;
  }
  return { title, date };
}
