// Global test setup: every temporary folder the tests make (mkdtemp under os.tmpdir(), CLI child
// processes, Chromium profiles) goes under one root for the run, removed when the run ends, so
// repeated `npm test` runs do not fill /tmp. os.tmpdir() reads TMPDIR, which the test processes inherit.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "newsgraph-tests-"));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
