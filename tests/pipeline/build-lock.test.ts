/**
 * The output folder of a build: made safely (a file in the way, a special target and write failures are
 * OUT_UNUSABLE), locked against a second build (OUT_LOCKED naming the holder, or a wait), a dead holder's
 * lock taken over, and the temporary files of stopped builds removed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NewsgraphError } from "../../src/errors.js";
import { makeFolder, outputError } from "../../src/graph/folder.js";
import { LOCK_FILE, lockFolder, removeStaleFiles } from "../../src/pipeline/build-lock.js";
import { errorCode } from "../error-code.js";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), "newsgraph-lock-")));

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: unknown) => (err instanceof NewsgraphError ? err.code : String(err)),
  );
}

describe("makeFolder", () => {
  it("creates missing levels and refuses a file in the way", () => {
    fresh();
    makeFolder(join(dir, "a", "b", "c"));
    expect(existsSync(join(dir, "a", "b", "c"))).toBe(true);
    writeFileSync(join(dir, "file"), "x");
    expect(errorCode(() => makeFolder(join(dir, "file")))).toBe("OUT_UNUSABLE");
    expect(errorCode(() => makeFolder(join(dir, "file", "below")))).toBe("OUT_UNUSABLE");
    expect(readFileSync(join(dir, "file"), "utf8")).toBe("x");
  });

  it.runIf(existsSync("/proc/self"))("fails at once under /proc, where recursive mkdir never returns", () => {
    expect(errorCode(() => makeFolder("/proc/newsgraph-test/out"))).toBe("OUT_UNUSABLE");
  });

  it("names the reason of a write failure", () => {
    const err = outputError(Object.assign(new Error("x"), { code: "EROFS" }), "/mnt/out/graph.json");
    expect(err).toBeInstanceOf(NewsgraphError);
    expect((err as NewsgraphError).message).toBe("cannot write /mnt/out/graph.json: read-only file system (EROFS)");
    const bug = new TypeError("not a file-system error");
    expect(outputError(bug, "/x")).toBe(bug);
  });
});

describe("lockFolder", () => {
  it("holds the folder with its PID and releases it", async () => {
    fresh();
    const release = await lockFolder(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("fails with OUT_LOCKED naming a live holder, and leaves its lock", async () => {
    fresh();
    writeFileSync(join(dir, LOCK_FILE), "4242\n");
    const err = await lockFolder(dir, { isAlive: () => true }).catch((e: unknown) => e);
    expect((err as NewsgraphError).code).toBe("OUT_LOCKED");
    expect((err as NewsgraphError).message).toContain("PID 4242");
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe("4242\n");
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it("takes over the lock of a build that is gone, or one that names no PID", async () => {
    for (const content of ["4242\n", "", "garbage"]) {
      fresh();
      writeFileSync(join(dir, LOCK_FILE), content);
      const release = await lockFolder(dir, { isAlive: () => false });
      expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
      release();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("waits for a live holder when asked, telling once", async () => {
    fresh();
    writeFileSync(join(dir, LOCK_FILE), "4242\n");
    let looks = 0;
    const told: number[] = [];
    const release = await lockFolder(dir, { wait: true, pollMs: 1, isAlive: () => ++looks < 4, onWait: (pid) => told.push(pid) });
    expect(told).toEqual([4242]);
    expect(looks).toBe(4);
    release();
  });

  it("reports an unusable folder as OUT_UNUSABLE", async () => {
    fresh();
    expect(await codeOf(lockFolder(join(dir, "missing")))).toBe("OUT_UNUSABLE");
  });
});

describe("removeStaleFiles", () => {
  it("removes the temporary files of builds no longer running, and nothing else", () => {
    fresh();
    const names = [".graph.json.tmp-4242", ".texts.spool-4242", ".newsgraph.lock.4242", ".graph.json.tmp-777", `.texts.spool-${process.pid}`, "graph.json", ".hidden"];
    for (const name of names) writeFileSync(join(dir, name), "x");
    expect(removeStaleFiles(dir, (pid) => pid === 777)).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([".graph.json.tmp-777", ".hidden", `.texts.spool-${process.pid}`, "graph.json"].sort());
  });
});
