// `newsgraph view graph.json`: serves the exploration page for one graph on 127.0.0.1 until Ctrl-C.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Graph from "graphology";
import { numberFlag, parseArgs, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { renderHtml, scriptSafeJson } from "../../export/html.js";
import { layoutGraph } from "../../graph/layout.js";
import type { GraphJson } from "../../types.js";

const USAGE = `newsgraph view <graph.json> [--port N] [--open]

Serves the exploration page for a graph JSON on http://127.0.0.1 (this machine only) until Ctrl-C.
  --port N   port to listen on (default 4173; 0 picks a free one)
  --open     open the page in the default browser
`;

export interface ViewServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Reads a graph JSON file; lays it out first when positions are missing (a graph from an older build). */
export async function readGraphFile(file: string): Promise<GraphJson> {
  let graph: GraphJson;
  try {
    graph = JSON.parse(await readFile(file, "utf8")) as GraphJson;
  } catch (err) {
    throw new Error(`cannot read graph JSON "${file}": ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new Error(`"${file}" is not a newsgraph graph JSON (expected {attributes, options, nodes, edges})`);
  }
  const unplaced = graph.nodes.some((n) => !Number.isFinite(n.attributes?.x) || !Number.isFinite(n.attributes?.y));
  if (unplaced) {
    const g = Graph.from(graph as never);
    layoutGraph(g);
    graph = g.export() as unknown as GraphJson;
  }
  return graph;
}

/**
 * Serves exactly two resources, `/` (the page) and `/graph.json`; every other path, including any `..` or
 * encoded traversal, is a 404, so nothing on disk beyond the given graph can be read.
 */
export async function serveGraph(graph: GraphJson, port = 4173): Promise<ViewServer> {
  const page = Buffer.from(await renderHtml(graph), "utf8");
  const json = Buffer.from(scriptSafeJson(graph), "utf8");
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split(/[?#]/)[0] ?? "/";
    const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, allow: "GET, HEAD" }).end();
      return;
    }
    let body: Buffer | null = null;
    let type = "";
    if (path === "/" || path === "/index.html") {
      body = page;
      type = "text/html; charset=utf-8";
    } else if (path === "/graph.json") {
      body = json;
      type = "application/json; charset=utf-8";
    }
    if (!body) {
      res.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    res.writeHead(200, { ...headers, "content-type": type, "content-length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function openInBrowser(url: string): void {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(cmd, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

export const viewCommand: Command = {
  name: "view",
  summary: "serve the exploration page for a graph JSON on 127.0.0.1",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ["port"], ["open"]);
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError("give the graph JSON to view");
    if (extra.length) throw new UsageError(`one graph at a time (got ${args.positionals.length} paths)`);
    const port = numberFlag(args, "port") ?? 4173;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes 0-65535, got ${port}`);
    const graph = await readGraphFile(file);
    const view = await serveGraph(graph, port);
    io.stdout.write(`newsgraph: serving ${graph.nodes.length} entities and ${graph.edges.length} relations at ${view.url}\n(Ctrl-C to stop)\n`);
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
    return 0;
  },
};
