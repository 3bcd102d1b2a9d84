// The library API: the CLI is a thin layer over these.
export type * from "./types.js";
export { ENTITY_KINDS, RELATIONS, RELATION_FAMILIES, SYMMETRIC_RELATIONS } from "./types.js";
export { readInputs, streamInputs } from "./ingest/index.js";
export { analyze } from "./nlp/index.js";
export { extractArticle } from "./pipeline/article.js";
export { mergeExtractions } from "./graph/merge.js";
export { buildGraph } from "./graph/build.js";
export { toGraphJson, stringifyGraph } from "./export/json.js";
export { writeExport } from "./export/index.js";
export { openStore, contentHash } from "./store/index.js";
export { graphFromStore, extractionsFromStore, refreshPublishedGraph } from "./store/build.js";
export { serveExplorer } from "./server/http.js";
export { memoryQuery } from "./server/memory.js";
export { validateGraphJson } from "./export/schema.js";
export { formatProblem, IngestError } from "./ingest/index.js";
export { extractAll, extractStream } from "./parallel/index.js";
