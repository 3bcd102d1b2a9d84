import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, parseHash, serializeHash, type ViewState } from "../../viz/src/hash.js";

describe("view state in the URL hash", () => {
  it("writes nothing for the default view", () => {
    expect(serializeHash(DEFAULT_VIEW)).toBe("");
    expect(parseHash("")).toEqual(DEFAULT_VIEW);
  });

  it("round-trips a full view", () => {
    const view: ViewState = {
      node: "masood-khan",
      edge: null,
      hiddenKinds: ["place", "event"],
      hiddenRelations: ["said"],
      minWeight: 2,
      dateFrom: "2024-06-01",
      dateTo: "2024-06-30",
      colorMode: "community",
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
    };
    const hash = serializeHash(view);
    expect(hash).toMatch(/^#node=masood-khan&hideKinds=event%2Cplace/);
    expect(parseHash(hash)).toEqual({ ...view, hiddenKinds: ["event", "place"] });
  });

  it("encodes odd node keys safely", () => {
    const view = { ...DEFAULT_VIEW, node: "a&b=c #d" };
    expect(parseHash(serializeHash(view)).node).toBe("a&b=c #d");
  });

  const junk: [string, Partial<ViewState>][] = [
    ["#w=-3", { minWeight: 1 }],
    ["#w=abc", { minWeight: 1 }],
    ["#from=yesterday", { dateFrom: null }],
    ["#cam=1,2", { camera: null }],
    ["#cam=0.5,0.5,0", { camera: null }],
    ["#color=rainbow", { colorMode: "kind" }],
  ];
  it.each(junk)("ignores bad values: %s", (hash, expected) => expect(parseHash(hash)).toMatchObject(expected));
});
