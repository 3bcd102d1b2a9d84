// `newsgraph view`'s HTTP servers. The explorer serves the page (in API mode) at `/` and the query API under
// `/api/`; nothing else, so no path reaches the disk. It binds 127.0.0.1 unless told otherwise.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQuery } from "../store/query.js";
import { answer, ApiError } from "./api.js";

export const DEFAULT_HOST = "127.0.0.1";

export interface ViewServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: Buffer): void {
  res.writeHead(status, { ...HEADERS, "content-type": type, "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Only GET and HEAD; anything else is a 405. */
export function readOnly(handler: (req: IncomingMessage, res: ServerResponse, path: string, params: URLSearchParams) => void | Promise<void>): RequestListener {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...HEADERS, allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    void handler(req, res, url.pathname, url.searchParams);
  };
}

export async function listen(handler: RequestListener, port: number, host = DEFAULT_HOST): Promise<ViewServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown === "0.0.0.0" ? DEFAULT_HOST : shown}:${actual}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");

/** Serves `page` (the explorer in API mode) and the query API over `query`. */
export function serveExplorer(query: GraphQuery, page: string, options: { port?: number; host?: string; onError?: (err: unknown) => void } = {}): Promise<ViewServer> {
  const html = Buffer.from(page, "utf8");
  return listen(
    readOnly(async (req, res, path, params) => {
      if (path === "/" || path === "/index.html") return send(res, req, 200, "text/html; charset=utf-8", html);
      if (!path.startsWith("/api/")) return send(res, req, 404, "text/plain; charset=utf-8", Buffer.from("not found\n"));
      try {
        const body = await answer(query, path.slice("/api/".length), params);
        if (body === undefined) return send(res, req, 404, "application/json; charset=utf-8", json({ error: "no such API route" }));
        send(res, req, 200, "application/json; charset=utf-8", json(body));
      } catch (err) {
        const status = err instanceof ApiError ? err.status : 500;
        if (status === 500) options.onError?.(err);
        // A database error's text stays in the server's log, not in the answer.
        const message = err instanceof ApiError ? err.message : "api: the query failed (see the server's log)";
        send(res, req, status, "application/json; charset=utf-8", json({ error: message }));
      }
    }),
    options.port ?? 0,
    options.host,
  );
}
