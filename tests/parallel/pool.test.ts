// A dead worker must fail the build, not hang it.
import { describe, expect, it } from "vitest";
import { ExtractionPool, WorkerPoolError } from "../../src/parallel/index.js";

const article = { id: "a", text: "Angela Merkel met Jacques Chirac in Paris.", title: null, date: null, source: "a.txt" };

describe("ExtractionPool", () => {
  it("rejects the tasks of a worker that exits, and every later task", async () => {
    const pool = new ExtractionPool(1);
    const inHand = pool.run(0, article);
    const slot = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0];
    await slot?.worker.terminate();
    await expect(inHand).rejects.toThrow(WorkerPoolError);
    await expect(pool.run(1, article)).rejects.toThrow(/exited/);
    await pool.close();
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => new ExtractionPool(0)).toThrow(WorkerPoolError);
  });
});
