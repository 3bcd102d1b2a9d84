// The exploration page for a graph: the prebuilt single-file template (viz/dist/template.html) with the graph JSON
// injected into its empty <script id="graph-data" type="application/json">. No network, opens from file://.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { GraphJson } from "../types.js";

export class HtmlTemplateError extends Error {
  override name = "HtmlTemplateError";
}

const VIZ_DIR = fileURLToPath(new URL("../../viz/", import.meta.url));
/** Where `npm run build:viz` writes the template. */
export const TEMPLATE_PATH = join(VIZ_DIR, "dist", "template.html");
const DATA_OPEN = '<script id="graph-data" type="application/json">';
const DATA_CLOSE = "</script>";
/**
 * Big graphs are embedded gzip-compressed (as base64): an 18 MB JSON becomes 3 MB, which the browser's HTML parser
 * gets through several times faster; the page inflates it with the built-in DecompressionStream. They come in two
 * parts, the graph without its edges, then the edges, so the page can draw the nodes before it parses the edges.
 */
const GZIP_HEAD_OPEN = '<script id="graph-data" type="application/gzip" data-encoding="base64">';
const GZIP_EDGES_OPEN = (count: number) => `<script id="graph-edges" type="application/gzip" data-encoding="base64" data-count="${count}">`;
export const COMPRESS_ABOVE_BYTES = 2_000_000;

/**
 * JSON that is safe inside a <script> element: every `<` becomes `\u003c`, so `</script>` or `<!--` in article
 * text cannot end the element; U+2028/2029 are escaped too. JSON.parse gives back the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return escapeForScript(JSON.stringify(value));
}

function escapeForScript(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export interface InjectOptions {
  /** Embed gzip+base64 instead of plain JSON; by default only above COMPRESS_ABOVE_BYTES. */
  compress?: boolean;
}

/** Puts the graph into the template's data element. Pure; exported for tests. */
export function injectGraph(template: string, graph: GraphJson, options: InjectOptions = {}): string {
  const at = template.indexOf(DATA_OPEN);
  if (at < 0 || template.indexOf(DATA_OPEN, at + 1) >= 0) {
    throw new HtmlTemplateError(`html: the page template must contain exactly one ${DATA_OPEN}; rebuild it with \`npm run build:viz\``);
  }
  const close = template.indexOf(DATA_CLOSE, at);
  if (close < 0) throw new HtmlTemplateError("html: the graph-data element of the template is not closed; rebuild it with `npm run build:viz`");
  const json = JSON.stringify(graph);
  if (options.compress ?? json.length > COMPRESS_ABOVE_BYTES) {
    // base64 has no "<", so it cannot end the element either
    const gz = (value: unknown) => gzipSync(JSON.stringify(value), { level: 6 }).toString("base64");
    const edges = graph.edges ?? [];
    return (
      template.slice(0, at) +
      GZIP_HEAD_OPEN + gz({ ...graph, edges: [] }) + DATA_CLOSE +
      GZIP_EDGES_OPEN(edges.length) + gz(edges) +
      template.slice(close)
    );
  }
  return template.slice(0, at + DATA_OPEN.length) + escapeForScript(json) + template.slice(close);
}

/** What the page needs to run as the queried explorer: where the API is, and what it holds. */
export interface ApiPageConfig {
  api: string;
  title: string;
}

const API_OPEN = '<script id="graph-data" type="application/x-newsgraph-api">';

/** Puts an API configuration into the template's data element instead of a graph: the page then queries the API. */
export function injectApiConfig(template: string, config: ApiPageConfig): string {
  const at = template.indexOf(DATA_OPEN);
  const close = at < 0 ? -1 : template.indexOf(DATA_CLOSE, at);
  if (at < 0 || close < 0) throw new HtmlTemplateError(`html: the page template must contain one ${DATA_OPEN}; rebuild it with \`npm run build:viz\``);
  return template.slice(0, at) + API_OPEN + scriptSafeJson(config) + template.slice(close);
}

/** The explorer page for a query API at `config.api`. */
export async function renderApiHtml(config: ApiPageConfig): Promise<string> {
  return injectApiConfig(await loadTemplate(), config);
}

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return -1;
  }
}

/** Newest modification time among the page's sources, so a template older than its sources is rebuilt. */
async function newestSource(): Promise<number> {
  let newest = Math.max(await mtime(join(VIZ_DIR, "template.html")), await mtime(join(VIZ_DIR, "vite.config.ts")));
  try {
    for (const f of await readdir(join(VIZ_DIR, "src"))) newest = Math.max(newest, await mtime(join(VIZ_DIR, "src", f)));
  } catch {
    // no sources next to the template (an installed package): use the template as it is
  }
  return newest;
}

/**
 * Builds the template with Vite into a private folder, then renames it into place, so concurrent builds (parallel
 * tests, two CLI runs) never see a half-written file. Takes about a second; only runs when the template is missing
 * or older than its sources, never on a normal `newsgraph build`.
 */
export async function buildTemplate(): Promise<string> {
  const { build } = await import("vite");
  const outDir = join(VIZ_DIR, `.build-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await build({
      configFile: join(VIZ_DIR, "vite.config.ts"),
      logLevel: "error",
      build: { outDir, emptyOutDir: true },
    });
    await mkdir(dirname(TEMPLATE_PATH), { recursive: true });
    await rename(join(outDir, "template.html"), TEMPLATE_PATH);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return readFile(TEMPLATE_PATH, "utf8");
}

let cached: { mtime: number; html: string } | null = null;

/** The page template, built on first use when missing or stale. */
export async function loadTemplate(): Promise<string> {
  const built = await mtime(TEMPLATE_PATH);
  if (built < 0 || built < (await newestSource())) {
    const html = await buildTemplate();
    cached = { mtime: await mtime(TEMPLATE_PATH), html };
    return html;
  }
  if (cached && cached.mtime === built) return cached.html;
  const html = await readFile(TEMPLATE_PATH, "utf8");
  cached = { mtime: built, html };
  return html;
}

/** The complete, self-contained exploration page for `graph`. */
export async function renderHtml(graph: GraphJson, options: InjectOptions = {}): Promise<string> {
  return injectGraph(await loadTemplate(), graph, options);
}

/** Writes the page to `file` atomically: a temporary file in the same folder, then a rename. */
export async function writeHtml(graph: GraphJson, file: string): Promise<void> {
  const html = await renderHtml(graph);
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, html, "utf8");
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
