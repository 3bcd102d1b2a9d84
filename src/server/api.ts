// The explorer's HTTP API: a fixed set of GET routes over a GraphQuery, each parameter validated and clamped before it
// reaches a query (which passes it on as a bound parameter). Routes answer JSON; anything else is a 404.
import type { GraphQuery } from "../store/query.js";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

export const API_LIMITS = { search: 25, edges: 200, page: 100, top: 300 } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function int(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new ApiError(`api: ${name} takes a whole number, got "${raw}"`);
  return Math.min(max, Math.max(min, n));
}

function date(params: URLSearchParams, name: string): string | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return null;
  if (!DATE.test(raw)) throw new ApiError(`api: ${name} takes a date YYYY-MM-DD, got "${raw}"`);
  return raw;
}

function list(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.get(name);
  if (!raw) return undefined;
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length > 50) throw new ApiError(`api: at most 50 values in ${name}`);
  return items;
}

function required(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (!v) throw new ApiError(`api: ${name} is required`);
  if (v.length > 500) throw new ApiError(`api: ${name} is too long`);
  return v;
}

/** Answers one API request (`path` below /api/); undefined when no route matches. */
export async function answer(query: GraphQuery, path: string, params: URLSearchParams): Promise<unknown> {
  switch (path) {
    case "info":
      return query.info();
    case "search":
      return query.search(required(params, "q").slice(0, 200), int(params, "limit", 10, 1, API_LIMITS.search));
    case "top":
      return query.top({ limit: int(params, "limit", 60, 1, API_LIMITS.top), since: date(params, "since"), until: date(params, "until") });
    case "neighbourhood":
      return query.neighbourhood({
        key: required(params, "key"),
        hops: int(params, "hops", 1, 1, 2),
        limit: int(params, "limit", 25, 1, API_LIMITS.edges),
        relations: list(params, "relation"),
        kinds: list(params, "kind"),
        since: date(params, "since"),
        until: date(params, "until"),
      });
    case "entity": {
      const node = await query.entity(required(params, "key"));
      if (!node) throw new ApiError(`api: no entity "${params.get("key")}"`, 404);
      return node;
    }
    case "evidence":
      return query.evidence(required(params, "key"), int(params, "offset", 0, 0, 1e9), int(params, "limit", 20, 1, API_LIMITS.page));
    case "edge-evidence":
      return query.edgeEvidence(required(params, "edge"), int(params, "offset", 0, 0, 1e9), int(params, "limit", 20, 1, API_LIMITS.page));
    case "quotes":
      return query.quotes(required(params, "key"), int(params, "offset", 0, 0, 1e9), int(params, "limit", 20, 1, API_LIMITS.page));
    default:
      return undefined;
  }
}
