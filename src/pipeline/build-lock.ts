/**
 * The lock of a graph folder: a build holds `.newsgraph.lock` (the builder's PID) while it writes, so two
 * builds into one folder cannot interleave. A second build fails with OUT_LOCKED naming the holder's PID,
 * or waits for it; a lock whose process is gone (a killed build) is taken over. The lock file appears
 * whole or not at all (written under a private name, then hard-linked into place). Once the lock is held,
 * the temporary and spool files that killed builds left in the folder are removed.
 */
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { NewsgraphError } from "../errors.js";
import { outputError } from "../graph/folder.js";

export const LOCK_FILE = ".newsgraph.lock";

export interface LockOptions {
  /** Wait for the holder to finish instead of failing. */
  wait?: boolean;
  /** Milliseconds between two looks at a held lock while waiting. */
  pollMs?: number;
  /** Called once when the lock is held by a live build and the caller waits. */
  onWait?: (holder: number) => void;
  /** Whether a process is running (injectable for tests). */
  isAlive?: (pid: number) => boolean;
}

export const LOCK_DEFAULTS = { wait: false, pollMs: 250 } as const;

/** Whether a process with this PID is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The PID a lock file names, or undefined when it names none. */
function holderOf(content: string): number | undefined {
  const pid = Number(content.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Take the lock of the (existing) folder `dir`; resolves to the function that releases it. */
export async function lockFolder(dir: string, options: LockOptions = {}): Promise<() => void> {
  const { wait, pollMs } = { ...LOCK_DEFAULTS, ...options };
  const alive = options.isAlive ?? processAlive;
  const lock = join(dir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  const draft = join(dir, `${LOCK_FILE}.${process.pid}`);
  try {
    writeFileSync(draft, mine);
  } catch (err) {
    rmSync(draft, { force: true });
    throw outputError(err, dir);
  }
  let waited = false;
  try {
    for (;;) {
      try {
        linkSync(draft, lock);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw outputError(err, lock);
      }
      const content = readLock(lock);
      if (content === undefined) continue; // released meanwhile
      const holder = holderOf(content);
      if (holder === undefined || !alive(holder)) {
        // A killed build's lock: taken over (removed only if it is still the one read).
        if (readLock(lock) === content) rmSync(lock, { force: true });
        continue;
      }
      if (!wait) {
        throw new NewsgraphError("OUT_LOCKED", `${dir} is being written by another build (PID ${holder}); wait for it to finish, or pass --wait`, { path: dir, pid: holder });
      }
      if (!waited) options.onWait?.(holder);
      waited = true;
      await sleep(pollMs);
    }
  } finally {
    rmSync(draft, { force: true });
  }
  return () => {
    if (readLock(lock) === mine) rmSync(lock, { force: true });
  };
}

/** Temporary files of a build (`.graph.json.tmp-PID`, `.texts.spool-PID`, `.newsgraph.lock.PID`) and their PID. */
const TEMPORARY = /^\..+(?:\.tmp-|\.spool-|\.lock\.)(\d+)$/;

/**
 * Remove the temporary files that builds no longer running left in `dir` (call while holding its lock).
 * Returns how many were removed.
 */
export function removeStaleFiles(dir: string, isAlive: (pid: number) => boolean = processAlive): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
