// `newsgraph view`: serves the exploration page on 127.0.0.1 until Ctrl-C. A graph JSON small enough to draw is
// embedded whole; a store (--db), or a graph JSON too large to draw, is served as the queried explorer: the page
// opens on the most connected entities and fetches the rest through the API.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import Graph from "graphology";
import { numberFlag, parseArgs, storeFlag, stringFlag, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { renderApiHtml, renderHtml, scriptSafeJson } from "../../export/html.js";
import { layoutGraph } from "../../graph/layout.js";
import { DEFAULT_HOST, listen, readOnly, send, serveExplorer, type ViewServer } from "../../server/http.js";
import { memoryQuery } from "../../server/memory.js";
import { refreshPublishedGraph } from "../../store/build.js";
import { openStore } from "../../store/index.js";
import type { GraphJson } from "../../types.js";

export type { ViewServer } from "../../server/http.js";

/** Graphs with more nodes than this open on the focus view instead of being drawn whole. */
export const FOCUS_ABOVE_NODES = 3_000;

const USAGE = `newsgraph view <graph.json> [--port N] [--host ADDR] [--open]
newsgraph view --db FILE_OR_URL [--port N] [--host ADDR] [--open]

Serves the exploration page on http://127.0.0.1 (this machine only) until Ctrl-C.
  --db X       explore a store (SQLite file or postgres:// URL; default NEWSGRAPH_DB when no graph is given):
               the page queries it (search, neighbourhoods, evidence) instead of loading the whole graph.
               The graph is published into the store first when articles changed since the last time.
  --focus      serve a graph JSON through the same queried explorer (automatic above ${FOCUS_ABOVE_NODES.toLocaleString("en")} nodes)
  --port N     port to listen on (default 4173; 0 picks a free one)
  --host ADDR  address to bind (default ${DEFAULT_HOST}; 0.0.0.0 lets other machines in, with no authentication)
  --open       open the page in the default browser
`;

/** Reads a graph JSON file; lays it out first when positions are missing (a graph from an older build). */
export async function readGraphFile(file: string): Promise<GraphJson> {
  return placed(await parseGraphFile(file));
}

async function parseGraphFile(file: string): Promise<GraphJson> {
  let graph: GraphJson;
  try {
    graph = JSON.parse(await readFile(file, "utf8")) as GraphJson;
  } catch (err) {
    throw new Error(`cannot read graph JSON "${file}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new Error(`"${file}" is not a newsgraph graph JSON (expected {attributes, options, nodes, edges})`);
  }
  return graph;
}

function placed(graph: GraphJson): GraphJson {
  const unplaced = graph.nodes.some((n) => !Number.isFinite(n.attributes?.x) || !Number.isFinite(n.attributes?.y));
  if (!unplaced) return graph;
  const g = Graph.from(graph as never);
  layoutGraph(g);
  return g.export() as unknown as GraphJson;
}

/**
 * Serves exactly two resources, `/` (the page) and `/graph.json`; every other path, including any `..` or
 * encoded traversal, is a 404, so nothing on disk beyond the given graph can be read.
 */
export async function serveGraph(graph: GraphJson, port = 4173, host = DEFAULT_HOST): Promise<ViewServer> {
  const page = Buffer.from(await renderHtml(graph), "utf8");
  const json = Buffer.from(scriptSafeJson(graph), "utf8");
  return listen(
    readOnly((req, res, path) => {
      if (path === "/" || path === "/index.html") send(res, req, 200, "text/html; charset=utf-8", page);
      else if (path === "/graph.json") send(res, req, 200, "application/json; charset=utf-8", json);
      else send(res, req, 404, "text/plain; charset=utf-8", Buffer.from("not found\n"));
    }),
    port,
    host,
  );
}

function openInBrowser(url: string): void {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(cmd, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

export const viewCommand: Command = {
  name: "view",
  summary: "serve the exploration page for a graph JSON or a store on 127.0.0.1",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ["port", "host", "db"], ["open", "focus"]);
    const [file, ...extra] = args.positionals;
    const db = stringFlag(args, "db") ?? (file ? undefined : storeFlag(args));
    if (!file && !db) throw new UsageError("give the graph JSON to view, or --db FILE_OR_URL");
    if (file && db) throw new UsageError("give a graph JSON or --db, not both");
    if (extra.length) throw new UsageError(`one graph at a time (got ${args.positionals.length} paths)`);
    const port = numberFlag(args, "port") ?? 4173;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes 0-65535, got ${port}`);
    const host = stringFlag(args, "host") ?? DEFAULT_HOST;
    const onError = (err: unknown) => io.stderr.write(`newsgraph view: ${err instanceof Error ? err.message : String(err)}\n`);

    let view: ViewServer;
    let close = async () => undefined as void;
    if (db) {
      const store = await openStore(db, { create: false });
      close = () => store.close();
      try {
        if (await refreshPublishedGraph(store)) io.stdout.write(`newsgraph: published the graph of ${store.location} for queries\n`);
        const info = await store.query.info();
        view = await serveExplorer(store.query, await renderApiHtml({ api: "api/", title: store.location }), { port, host, onError });
        io.stdout.write(`newsgraph: exploring ${info.articles} articles, ${info.nodes} entities, ${info.edges} relations at ${view.url}\n(Ctrl-C to stop)\n`);
      } catch (err) {
        await store.close();
        throw err;
      }
    } else {
      const graph = await parseGraphFile(file!);
      if (args.flags.has("focus") || graph.nodes.length > FOCUS_ABOVE_NODES) {
        view = await serveExplorer(memoryQuery(graph), await renderApiHtml({ api: "api/", title: file! }), { port, host, onError });
        io.stdout.write(`newsgraph: ${graph.nodes.length} entities: serving the focus view (queried) at ${view.url}\n(Ctrl-C to stop)\n`);
      } else {
        view = await serveGraph(placed(graph), port, host);
        io.stdout.write(`newsgraph: serving ${graph.nodes.length} entities and ${graph.edges.length} relations at ${view.url}\n(Ctrl-C to stop)\n`);
      }
    }
    if (args.flags.has("open")) openInBrowser(view.url);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await view.close();
    await close();
    return 0;
  },
};
