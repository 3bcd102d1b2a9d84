import { defineConfig } from "vitest/config";

// CI machines have 2 cores and other work may share them: timeouts are generous so a slow machine never fails a
// correct test; what is slow is measured by the benchmarks, not by timed tests.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
