// Test runner configuration: unit tests mirror src/ under tests/, browser tests live in tests/e2e.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["tests/temp-root.ts"],
  },
});
