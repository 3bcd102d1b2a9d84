import { parseArgs, storeFlag, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { openStore } from "../../store/index.js";

export const removeCommand: Command = {
  name: "remove",
  summary: "remove articles (and their evidence) from a store",
  usage: `newsgraph remove --db FILE_OR_URL <article-id...>

  Removes each article with its mentions and evidence. The next \`newsgraph build --db FILE\` re-merges
  the remaining articles, so entities and edges that only these articles supported disappear.
`,
  async run(argv, io) {
    const args = parseArgs(argv, ["db"], []);
    const db = storeFlag(args);
    if (!db) throw new UsageError("--db is required (or set NEWSGRAPH_DB)");
    if (args.positionals.length === 0) throw new UsageError("give at least one article id");
    const store = await openStore(db, { create: false });
    try {
      const missing: string[] = [];
      let removed = 0;
      for (const id of args.positionals) {
        if (await store.remove(id)) removed++;
        else missing.push(id);
      }
      io.stdout.write(`removed ${removed}, not found ${missing.length}\n`);
      if (missing.length > 0) io.stderr.write(`not in ${store.location}: ${missing.join(", ")}\n`);
      return missing.length > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
