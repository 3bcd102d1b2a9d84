import { describe, expect, it } from "vitest";
import { articleCaption, edgeDetails, formatDate, nodeDetails } from "../../viz/src/details.js";
import { sampleArticles, sampleGraph } from "./fixture.js";

const graph = sampleGraph();
const articles = sampleArticles();

describe("side panel details", () => {
  const khan = nodeDetails(graph, "masood-khan", articles);

  it("has label, kind, aliases without the label, mentions and articles", () => {
    expect(khan).toMatchObject({ label: "Masood Khan", kind: "person", mentions: 9 });
    expect(khan.aliases).toEqual(["Khan", "Ambassador Masood Khan"]);
    expect(khan.articles.map((a) => a.id)).toEqual(["a1-dawn-small-arms", "a2-security-ties"]);
  });

  it("has the quotations with their article", () => {
    expect(khan.quotes).toHaveLength(2);
    expect(khan.quotes[0]!.text).toMatch(/^Pakistan has launched Azmi Isteqam/);
    expect(khan.quotes[0]!.article?.title).toMatch(/small arms/);
  });

  it("groups relations by type and direction, outgoing first", () => {
    expect(khan.relations.map((g) => `${g.direction}:${g.relation}`)).toEqual([
      "out:urged", "out:addressed", "out:asked", "out:represents", "out:said",
    ]);
    const urged = khan.relations[0]!;
    expect(urged.items).toHaveLength(1);
    expect(urged.items[0]).toMatchObject({ other: "united-states", otherLabel: "United States", weight: 2 });
    expect(urged.items[0]!.evidence).toHaveLength(2);
  });

  it("marks the entity and the other end in each evidence sentence, newest article first", () => {
    const ev = khan.relations[0]!.items[0]!.evidence;
    expect(ev[0]!.article?.date).toBe("2024-06-29");
    expect(ev[0]!.segments.filter((s) => s.tag === "self").map((s) => s.text)).toEqual(["Khan"]);
    expect(ev[0]!.segments.filter((s) => s.tag === "other").map((s) => s.text)).toEqual(["Washington", "US"]);
  });

  it("incoming relations read as 'by'", () => {
    const pk = nodeDetails(graph, "pakistan", articles);
    const attacked = pk.relations.find((g) => g.relation === "attacked")!;
    expect(attacked).toMatchObject({ direction: "in", title: "← attacked (by)" });
  });

  it("edge details carry every evidence sentence and the CAMEO code", () => {
    const d = edgeDetails(graph, "e-khan-said-us", articles);
    expect(d).toMatchObject({ relation: "said", family: "communication", sourceLabel: "Masood Khan", targetLabel: "United States", cameo: "010" });
    expect(d.evidence[0]!.quote).toMatch(/small arms/);
    expect(d.evidence[0]!.segments.some((s) => s.tag === "self" && s.text === "Ambassador Masood Khan")).toBe(true);
  });

  it("formats captions and dates", () => {
    expect(formatDate("2024-06-27")).toBe("27 Jun 2024");
    expect(formatDate("someday")).toBe("someday");
    expect(articleCaption(null, "doc-9")).toBe("doc-9");
    expect(articleCaption({ id: "x", title: "T", date: "2024-01-02", source: "" }, "x")).toBe("T · 2 Jan 2024");
  });
});
