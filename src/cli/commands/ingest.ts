import { parseArgs, stringFlag, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { extractArticle } from "../../pipeline/article.js";
import { formatProblem, streamInputs } from "../../ingest/index.js";
import { shorten } from "../../util/shorten.js";
import { openStore, type IngestReport } from "../../store/index.js";

export const ingestCommand: Command = {
  name: "ingest",
  summary: "extract new articles into a store (SQLite) for incremental builds",
  usage: `newsgraph ingest <paths...> --db FILE

  Reads article files and folders (.txt .md .html .json .jsonl), extracts each article whose text the store
  has not seen and stores it (one transaction per article). Texts already stored are skipped without being
  extracted again. A source stored before with another text is updated; another source whose id ("folder/name")
  is taken gets the id with "~" and 8 hex digits of its text's hash. Then: newsgraph build --db FILE
`,
  async run(argv, io) {
    const args = parseArgs(argv, ["db"], []);
    const db = stringFlag(args, "db");
    if (!db) throw new UsageError("--db is required");
    if (args.positionals.length === 0) throw new UsageError("give at least one file or folder to ingest");
    const store = openStore(db);
    const counts: Record<keyof IngestReport, number> = { added: 0, updated: 0, skipped: 0 };
    let errors = 0;
    // A running count on a terminal only: corpus-scale ingests take minutes.
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    try {
      for await (const event of streamInputs(args.positionals)) {
        if (event.type === "problem") {
          if (event.problem.severity === "error") errors++;
          io.stderr.write((tty ? "\r\x1b[K" : "") + formatProblem(event.problem) + "\n");
          continue;
        }
        try {
          counts[store.ingestArticle(event.article, extractArticle)]++;
          const seen = counts.added + counts.updated + counts.skipped;
          if (tty && seen % 100 === 0) io.stderr.write(`\r${seen} articles (${counts.added} added)`);
        } catch (err) {
          // One article the pipeline cannot handle is reported and left out: nothing of it is stored.
          errors++;
          const reason = err instanceof Error ? err.message : String(err);
          io.stderr.write(`${tty ? "\r\x1b[K" : ""}${shorten(event.article.source, 100)}: error: article "${shorten(event.article.id)}" could not be processed: ${shorten(reason, 150)}\n`);
        }
      }
    } finally {
      store.close();
      if (tty) io.stderr.write("\r\x1b[K");
    }
    io.stdout.write(
      `added ${counts.added}, updated ${counts.updated}, skipped ${counts.skipped} already stored` +
        (errors > 0 ? `, ${errors} input error(s)` : "") +
        ` -> ${db}\n`,
    );
    return errors > 0 ? 1 : 0;
  },
};
