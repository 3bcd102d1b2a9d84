// The build's progress bar: drawn on stderr only when it is a terminal, so piped and logged runs stay clean.
// The total comes from counting lines of the .jsonl files named on the command line (a cheap byte scan); other
// inputs are counted as they are read, so the bar's total grows until ingest has seen everything.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import cliProgress from "cli-progress";
import type { ExtractEvent } from "./index.js";

/** Articles expected under `paths`: non-empty lines of top-level .jsonl files plus one per other file; folders add 0. */
export async function estimateArticles(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (!info.isFile()) continue;
      if (!p.toLowerCase().endsWith(".jsonl")) { total++; continue; }
      let lines = 0;
      let last = 10;
      for await (const chunk of createReadStream(p) as AsyncIterable<Buffer>) {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        last = chunk[chunk.length - 1] ?? last;
      }
      total += lines + (last === 10 ? 0 : 1);
    } catch {
      // ingest reports unreadable inputs; the estimate just leaves them out
    }
  }
  return total;
}

export function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** A single bar over articles read; `log` prints a line above it without tearing it. */
export class BuildProgress {
  private readonly bar: cliProgress.SingleBar;
  private done = 0;
  private words = 0;
  private readonly started = performance.now();

  constructor(private readonly stream: NodeJS.WritableStream, private total: number) {
    this.bar = new cliProgress.SingleBar({
      stream,
      format: "extract {bar} {percentage}% | {value}/{total} articles | {wps} words/s | eta {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    }, cliProgress.Presets.shades_classic);
    this.bar.start(Math.max(total, 1), 0, { wps: 0 });
  }

  tick(event: ExtractEvent): void {
    if (event.type === "problem") return;
    this.done++;
    if (event.type === "extraction") this.words += event.extraction.words;
    if (this.done > this.total) { this.total = this.done; this.bar.setTotal(this.total); }
    const wps = Math.round(this.words / Math.max((performance.now() - this.started) / 1000, 1e-3));
    this.bar.update(this.done, { wps: wps.toLocaleString("en-US") });
  }

  log(line: string): void {
    this.stream.write(`\r\x1b[K${line}`);
  }

  stop(): void {
    this.bar.stop();
  }
}
