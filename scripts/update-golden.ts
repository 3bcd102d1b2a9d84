// Rewrites the golden graph of the seed articles after an intended change: npm run golden:update
import { writeFileSync } from "node:fs";
import { buildSeedsGraph, GOLDEN_FILE } from "../tests/helpers/seeds.js";

writeFileSync(GOLDEN_FILE, await buildSeedsGraph());
console.log(`wrote ${GOLDEN_FILE}`);
