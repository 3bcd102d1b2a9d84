import { parseArgs, storeFlag, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { extractArticle } from "../../pipeline/article.js";
import { formatProblem, streamInputs } from "../../ingest/index.js";
import { shorten } from "../../util/shorten.js";
import { openStore, type IngestReport } from "../../store/index.js";
import type { RawArticle } from "../../types.js";

export const ingestCommand: Command = {
  name: "ingest",
  summary: "extract new articles into a store (SQLite file or PostgreSQL URL)",
  usage: `newsgraph ingest <paths...> --db FILE_OR_URL

  Reads article files and folders (.txt .md .html .json .jsonl), extracts each article whose text the store
  has not seen and stores it (one transaction per article). Texts already stored are skipped without being
  extracted again. A source stored before with another text is updated; another source whose id ("folder/name")
  is taken gets the id with "~" and 8 hex digits of its text's hash. Then: newsgraph build --db FILE_OR_URL

  --db   an SQLite file, or postgres://USER@HOST/DB (default: the NEWSGRAPH_DB environment variable).
         Any number of ingest processes, on any number of machines, may fill one PostgreSQL store at once:
         each article is extracted by one of them and stored once.
`,
  async run(argv, io) {
    const args = parseArgs(argv, ["db"], []);
    const db = storeFlag(args);
    if (!db) throw new UsageError("--db is required (or set NEWSGRAPH_DB)");
    if (args.positionals.length === 0) throw new UsageError("give at least one file or folder to ingest");
    const store = await openStore(db);
    const counts: Record<keyof IngestReport, number> = { added: 0, updated: 0, skipped: 0 };
    let errors = 0;
    // A running count on a terminal only: corpus-scale ingests take minutes.
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    async function* articles(): AsyncGenerator<RawArticle> {
      for await (const event of streamInputs(args.positionals)) {
        if (event.type === "article") {
          yield event.article;
          continue;
        }
        if (event.problem.severity === "error") errors++;
        io.stderr.write((tty ? "\r\x1b[K" : "") + formatProblem(event.problem) + "\n");
      }
    }
    try {
      await store.ingestArticles(
        articles(),
        extractArticle,
        (_id, outcome) => {
          counts[outcome]++;
          const seen = counts.added + counts.updated + counts.skipped;
          if (tty && seen % 100 === 0) io.stderr.write(`\r${seen} articles (${counts.added} added)`);
        },
        (article, err) => {
          // One article the pipeline cannot handle is reported and left out: nothing of it is stored.
          errors++;
          const reason = err instanceof Error ? err.message : String(err);
          io.stderr.write(`${tty ? "\r\x1b[K" : ""}${shorten(article.source, 100)}: error: article "${shorten(article.id)}" could not be processed: ${shorten(reason, 150)}\n`);
        },
      );
    } finally {
      await store.close();
      if (tty) io.stderr.write("\r\x1b[K");
    }
    io.stdout.write(
      `added ${counts.added}, updated ${counts.updated}, skipped ${counts.skipped} already stored` +
        (errors > 0 ? `, ${errors} input error(s)` : "") +
        ` -> ${store.location}\n`,
    );
    return errors > 0 ? 1 : 0;
  },
};
