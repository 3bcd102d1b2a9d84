// HTML page -> main text, title and date. Readability finds the article body on a linkedom document (no browser,
// no network); its HTML is then flattened to text with one blank line between blocks, so paragraphs survive.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { normalizeDate } from "./dates.js";
import { normalizeNewlines } from "./decode.js";

export interface HtmlArticle {
  text: string;
  title: string | null;
  date: string | null;
  /** True when Readability found nothing and the whole body (minus scripts, navigation, ...) was used. */
  fallback: boolean;
}

/** Elements whose content is never article text (scripts and styles are always dropped too). */
const NAVIGATION = new Set(["iframe", "svg", "canvas", "nav", "aside", "form", "button", "select", "object", "embed"]);
/** Dropped as well when the whole body is used: page headers and footers hold menus and copyright lines. */
const PAGE_CHROME = new Set([...NAVIGATION, "header", "footer", "head"]);
/** Elements that end a paragraph: their text is separated from the next by a blank line. */
const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
  "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "hr", "address", "body",
]);

// Minimal structural view of the DOM nodes we walk, so this file does not depend on linkedom's own types.
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Flattens a DOM subtree to paragraphs: whitespace collapsed inside a block, blocks joined by blank lines. */
export function blockText(root: DomNode, wholePage: boolean): string {
  const dropped = wholePage ? PAGE_CHROME : NAVIGATION;
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    const p = current.replace(/[ \t\f\v\u00a0]+/g, " ").replace(/ ?\n ?/g, "\n").trim();
    if (p !== "") paragraphs.push(p);
    current = "";
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += (node.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (name === "script" || name === "style" || name === "template" || name === "noscript") return;
    if (dropped.has(name)) return;
    if (name === "br") {
      current += "\n";
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child) walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

function meta(document: Document, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return null;
}

/** `datePublished` from JSON-LD blocks (objects, arrays and `@graph` lists); broken JSON-LD is ignored. */
function jsonLdDate(document: Document): string | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const record = item as Record<string, unknown>;
        const date = normalizeDate(record["datePublished"] ?? record["dateCreated"]);
        if (date) return date;
        if (record["@graph"]) queue.push(record["@graph"]);
      }
    }
  }
  return null;
}

function pageDate(document: Document): string | null {
  const fromMeta = meta(document, [
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]',
    'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[property="og:published_time"]',
  ]);
  const time = document.querySelector("time[datetime]")?.getAttribute("datetime") ?? null;
  for (const candidate of [fromMeta, jsonLdDate(document), time]) {
    const date = typeof candidate === "string" ? normalizeDate(candidate) : candidate;
    if (date) return date;
  }
  return null;
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v : null;
}

/**
 * linkedom needs an <html> element (an empty string or a bare fragment leaves documentElement null and its
 * `body` getter throws), so fragments are wrapped in a page first.
 */
function asPage(html: string): string {
  // An unclosed <title> or <textarea> turns the rest of the page, scripts included, into its text: drop the tag.
  const closed = html.replace(/<(title|textarea)\b[^>]*>(?![\s\S]*<\/\1\s*>)/gi, "");
  return /<html[\s>]/i.test(closed) ? closed : `<!doctype html><html><head></head><body>${closed}</body></html>`;
}

/** Last resort when the DOM cannot be built: tags and script/style bodies removed, entities left as written. */
function strippedText(html: string): string {
  return html
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, " ")
    .replace(/<[^>]*>?/g, " ")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

/** Reads an HTML page. Never throws on malformed markup: anything the DOM route cannot handle is tag-stripped. */
export function parseHtmlArticle(html: string): HtmlArticle {
  try {
    return readPage(html);
  } catch {
    return { text: normalizeNewlines(strippedText(normalizeNewlines(html))), title: null, date: null, fallback: true };
  }
}

function readPage(html: string): HtmlArticle {
  const { document } = parseHTML(asPage(html));
  // Read metadata first: Readability rewrites the document it is given.
  const ogTitle = meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const docTitle = clean(document.querySelector("title")?.textContent);
  const h1 = clean(document.querySelector("h1")?.textContent);
  const date = pageDate(document);
  // Content outside <body> (a page with <html> but no <body> tag) is left by linkedom under <html>, beside an
  // empty body: read the whole element then (its <head> is dropped as page chrome).
  const fallbackText = blockText(document.body ?? document, true) || blockText(document.documentElement ?? document, true);

  let parsed: ReturnType<Readability<string>["parse"]> = null;
  try {
    parsed = new Readability(document).parse();
  } catch {
    parsed = null; // Readability gives up on some odd trees; the body text below still works
  }
  let text = "";
  if (parsed?.content) text = blockText(parseHTML(`<html><body>${parsed.content}</body></html>`).document, false);
  const fallback = text.trim() === "";
  if (fallback) text = fallbackText;
  return {
    text: normalizeNewlines(text),
    title: clean(ogTitle) ?? clean(parsed?.title) ?? docTitle ?? h1,
    date: date ?? normalizeDate(parsed?.publishedTime ?? undefined),
    fallback,
  };
}
