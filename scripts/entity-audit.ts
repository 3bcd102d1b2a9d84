// Audits a graph's entities for the failure classes of issue 13: one-word person nodes that are the surname of
// exactly one multi-word person node (a split person), nodes carrying a given name as label or alias (a split
// body), and a fixed-seed random sample of nodes to judge by hand (junk or wrong kind).
// Usage: npx tsx scripts/entity-audit.ts GRAPH.json [--name "UKIP" --name "UK Independence Party"] [--sample 100] [--seed 13]
import { readFileSync } from "node:fs";
import type { GraphJson } from "../src/types.js";
import { mulberry32 } from "../src/util/rng.js";

const argv = process.argv.slice(2);
const file = argv[0];
if (!file) throw new Error("usage: tsx scripts/entity-audit.ts GRAPH.json [--name N]... [--sample 100] [--seed 13]");
const values = (flag: string) => argv.flatMap((a, i) => (a === flag && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
const graph = JSON.parse(readFileSync(file, "utf8")) as GraphJson;
const people = graph.nodes.filter((n) => n.attributes.kind === "person");
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const bySurname = new Map<string, string[]>();
for (const p of people) {
  const w = words(p.attributes.label);
  if (w.length > 1) bySurname.set(w[w.length - 1]!.toLowerCase(), [...(bySurname.get(w[w.length - 1]!.toLowerCase()) ?? []), p.attributes.label]);
}
const split = people.filter((p) => words(p.attributes.label).length === 1 && bySurname.get(p.attributes.label.toLowerCase())?.length === 1);
const oneWord = people.filter((p) => words(p.attributes.label).length === 1).length;
console.log(`nodes ${graph.nodes.length}; one-word person nodes ${oneWord}; of them the surname of exactly one multi-word person: ${split.length}`);
for (const p of split) console.log(`  ${p.attributes.label} (${p.attributes.mentions}) ~ ${bySurname.get(p.attributes.label.toLowerCase())![0]}`);
for (const name of values("--name")) {
  const lower = name.toLowerCase();
  const hits = graph.nodes.filter((n) => n.attributes.label.toLowerCase() === lower || n.attributes.aliases.some((a) => a.toLowerCase() === lower));
  console.log(`nodes carrying "${name}" as label or alias: ${hits.length}${hits.map((n) => `\n  ${n.key} "${n.attributes.label}" (${n.attributes.mentions})`).join("")}`);
}
const sample = Number(values("--sample")[0] ?? "100");
const rng = mulberry32(Number(values("--seed")[0] ?? "13"));
const pool = [...graph.nodes];
console.log(`sample of ${sample} nodes (seed ${values("--seed")[0] ?? "13"}):`);
for (let k = 0; k < sample && pool.length > 0; k++) {
  const n = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
  console.log(`  ${String(k + 1).padStart(3)} ${n.attributes.kind.padEnd(12)} ${n.attributes.label}  [${n.attributes.aliases.slice(0, 4).join(" | ")}]`);
}
