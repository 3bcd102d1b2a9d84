// The extraction worker: RawArticle in, ArticleExtraction out, one message each way. `extractArticle` is pure,
// so a worker gives the same bytes as the main thread; errors are sent back as messages, never thrown.
import { parentPort } from "node:worker_threads";
import { extractArticle } from "../pipeline/article.js";
import type { TaskMessage, ReplyMessage } from "./messages.js";

const port = parentPort;
if (!port) throw new Error("parallel/worker: must run in a worker thread");

port.on("message", (task: TaskMessage) => {
  const started = performance.now();
  let reply: ReplyMessage;
  try {
    const extraction = extractArticle(task.article);
    reply = { seq: task.seq, extraction, ms: performance.now() - started };
  } catch (err) {
    reply = { seq: task.seq, error: err instanceof Error ? err.message : String(err), ms: performance.now() - started };
  }
  port.postMessage(reply);
});
