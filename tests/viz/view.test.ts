import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveGraph, viewCommand, type ViewServer } from "../../src/cli/commands/view.js";
import { sampleJson } from "./fixture.js";

/** Raw GET, so paths like /../ reach the server unnormalized. */
function get(url: string, path: string): Promise<{ status: number; body: string; type: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"] ?? "") }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("newsgraph view server", () => {
  let view: ViewServer;
  beforeAll(async () => {
    view = await serveGraph(sampleJson(), 0);
  }, 60_000);
  afterAll(() => view.close());

  it("listens on 127.0.0.1 only", () => {
    expect(view.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((view.server.address() as { address: string }).address).toBe("127.0.0.1");
  });

  it("serves the page and the graph", async () => {
    const page = await get(view.url, "/");
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toContain("Masood Khan");
    const json = await get(view.url, "/graph.json?x=1");
    expect(JSON.parse(json.body).nodes).toHaveLength(sampleJson().nodes.length);
  });

  it.each(["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/package.json", "/viz/dist/template.html"])(
    "refuses %s",
    async (path) => {
      const res = await get(view.url, path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain("root:");
    },
  );

  it("rejects bad arguments as usage errors", async () => {
    const io = { stdout: process.stdout, stderr: process.stderr };
    await expect(viewCommand.run([], io)).rejects.toThrow(/graph JSON/);
    await expect(viewCommand.run(["g.json", "--port", "99999"], io)).rejects.toThrow(/--port/);
    await expect(viewCommand.run(["/nonexistent/graph.json"], io)).rejects.toThrow(/cannot read graph JSON/);
  });
});
