// Graph JSON is the graph stage's own output (src/graph/json.ts); export offers it beside the other formats.
export { stringifyGraph, toGraphJson } from "../graph/json.js";
