import { extractArticle } from "../src/extract/index.js";
const junk = Array.from({ length: 3000 }, (_, i) => ["Khan said", "“", "Pakistan urged", "\"", " "][i % 5]).join(" ");
for (const text of ["😀".repeat(20000), junk]) {
  const t0 = performance.now(); extractArticle({ id: "y", text, title: null, date: null, source: "x" }); console.log((performance.now() - t0).toFixed(0), "ms");
}
