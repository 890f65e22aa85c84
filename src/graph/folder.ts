/**
 * Output folders made safely: created one level at a time (Node's recursive mkdir never returns for a
 * path under /proc, where mkdir answers ENOENT for a parent that exists), checked to be folders, and
 * every file-system failure while writing one turned into a one-line OUT_UNUSABLE error naming the path
 * and the reason (read-only, permission denied, full disk, a file in the way).
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { NewsgraphError } from "../errors.js";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENOENT: "cannot be created there",
  ENOTDIR: "a file is in the way",
  EEXIST: "a file is in the way",
  EISDIR: "a folder is in the way",
  EIO: "input/output error",
  ENAMETOOLONG: "name too long",
};

/** The one-line error for a file-system failure `err` while writing `path` (any other error is returned as is). */
export function outputError(err: unknown, path: string): unknown {
  if (err instanceof NewsgraphError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return err;
  const reason = REASONS[code] ?? "cannot be written";
  return new NewsgraphError("OUT_UNUSABLE", `cannot write ${path}: ${reason} (${code})`, { path, errno: code });
}

function kindOf(path: string): "folder" | "other" | "missing" {
  try {
    return statSync(path).isDirectory() ? "folder" : "other";
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw outputError(err, path);
  }
}

/**
 * Make sure `dir` is a folder, creating it and its missing parents one by one. Throws OUT_UNUSABLE when
 * it or a parent is a file or a special file, or when a level cannot be created.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let path = resolve(dir);
  for (let kind = kindOf(path); kind !== "folder"; kind = kindOf(path)) {
    if (kind === "other") {
      throw new NewsgraphError("OUT_UNUSABLE", `cannot write ${dir}: ${path} is not a folder`, { path });
    }
    missing.push(path);
    const parent = dirname(path);
    if (parent === path) break;
    path = parent;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST" && kindOf(level) === "folder") continue; // made meanwhile
      throw outputError(err, level);
    }
  }
}
