// Runner configuration of `npm run bench:viewer`: only the viewer speed script, apart from `npm test`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/e2e/bench-viewer.ts"],
    pool: "forks",
    hookTimeout: 120_000,
  },
});
