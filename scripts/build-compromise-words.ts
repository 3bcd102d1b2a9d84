// Writes data/compromise-words.json from the installed compromise (see src/data/compromise-words-build.ts).
// Run after upgrading compromise or adding a verb to data/relation-verbs.json; a test fails until you do.
//   npm run lexicon:compromise
import { readFileSync, writeFileSync } from "node:fs";
import { buildCompromiseWords } from "../src/data/compromise-words-build.js";
import { DATA_DIR } from "../src/data/load.js";

const version = (JSON.parse(readFileSync(new URL("../node_modules/compromise/package.json", import.meta.url), "utf8")) as { version: string }).version;
const words = buildCompromiseWords(version);
// One key per line: small, and a diff shows which list changed.
const body = Object.entries(words).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(",\n");
writeFileSync(`${DATA_DIR}compromise-words.json`, `{\n${body}\n}\n`);
console.log(`wrote data/compromise-words.json (compromise ${version}: ${words.firstNames.length} first names, ${words.lastNames.length} surnames, ${words.places.length} places, ${Object.keys(words.conjugations).length} verbs)`);
