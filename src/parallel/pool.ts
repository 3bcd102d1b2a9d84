// A fixed set of extraction workers. `run` sends one article to the least-loaded worker and resolves with its
// reply; the caller bounds how many are in flight. A worker that dies fails every task it held and every later one
// (a build with a crashed worker stops with the worker's error rather than writing a graph with holes).
import { Worker } from "node:worker_threads";
import type { RawArticle } from "../types.js";
import type { ReplyMessage, TaskMessage } from "./messages.js";

const WORKER_ENTRY = new URL("./worker-entry.mjs", import.meta.url);

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: ReplyMessage) => void; reject: (e: Error) => void }>;
}

export class WorkerPoolError extends Error {
  override name = "WorkerPoolError";
}

export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private closed = false;
  /** Set when a worker died: later tasks fail at once instead of waiting on a dead thread. */
  private failure: WorkerPoolError | undefined;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new WorkerPoolError(`parallel: pool size must be a positive integer, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // execArgv [] keeps a parent's `--import tsx` (or --cpu-prof) from loading tsx twice; the entry registers it.
    const worker = new Worker(WORKER_ENTRY, { execArgv: [] });
    const slot: Slot = { worker, pending: new Map() };
    worker.on("message", (reply: ReplyMessage) => {
      const waiter = slot.pending.get(reply.seq);
      slot.pending.delete(reply.seq);
      waiter?.resolve(reply);
    });
    const failAll = (err: WorkerPoolError) => {
      this.failure ??= err;
      for (const w of slot.pending.values()) w.reject(err);
      slot.pending.clear();
    };
    worker.on("error", (err) => failAll(new WorkerPoolError(`parallel: an extraction worker failed: ${err.message}`)));
    worker.on("exit", (code) => {
      if (!this.closed) failAll(new WorkerPoolError(`parallel: an extraction worker exited (code ${code}) with ${slot.pending.size} article(s) in hand`));
    });
    return slot;
  }

  /** Extracts one article on the least-loaded worker (ties go to the lowest index, so dispatch is reproducible). */
  run(seq: number, article: RawArticle): Promise<ReplyMessage> {
    if (this.closed) return Promise.reject(new WorkerPoolError("parallel: the pool is closed"));
    if (this.failure) return Promise.reject(this.failure);
    let best = this.slots[0] as Slot;
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    return new Promise((resolve, reject) => {
      best.pending.set(seq, { resolve, reject });
      const task: TaskMessage = { seq, article };
      best.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
