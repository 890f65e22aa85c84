/**
 * documents.jsonl as the server hands it out: each record's `path` made relative to the folder that holds
 * every document (the corpus root as far as the records tell), so no absolute local path leaves the
 * machine. Made once per version of the file and shared by every request.
 */
import { dirname, isAbsolute, relative, sep } from "node:path";
import { openRegularFile } from "./static-files.js";
import { VersionCache } from "./version-cache.js";

/** The deepest folder holding every absolute path (its last part is a file, or `file.jsonl:line`). */
export function commonFolder(paths: string[]): string | undefined {
  let common: string[] | undefined;
  for (const path of paths) {
    const parts = dirname(path).split(sep);
    if (common === undefined) common = parts;
    else {
      let n = 0;
      while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
      common = common.slice(0, n);
    }
  }
  return common === undefined ? undefined : common.join(sep) || sep;
}

/**
 * documents.jsonl with relative paths: absolute `path` fields become relative to their common folder
 * (others are kept). Damaged lines (not JSON objects) are left out and their numbers (1-based) returned.
 */
export function relativeDocumentPaths(content: Buffer): { bytes: Buffer; damaged: number[] } {
  const records: Record<string, unknown>[] = [];
  const damaged: number[] = [];
  content
    .toString("utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const record: unknown = JSON.parse(line);
        if (typeof record === "object" && record !== null && !Array.isArray(record)) records.push(record as Record<string, unknown>);
        else damaged.push(i + 1);
      } catch {
        damaged.push(i + 1);
      }
    });
  const absolute = records.map((r) => r.path).filter((p): p is string => typeof p === "string" && isAbsolute(p));
  const root = commonFolder(absolute);
  const lines = records.map((r) => {
    const path = r.path;
    return JSON.stringify(root !== undefined && typeof path === "string" && isAbsolute(path) ? { ...r, path: relative(root, path) } : r) + "\n";
  });
  return { bytes: Buffer.from(lines.join("")), damaged };
}

/** documents.jsonl of a graph folder made relative once per file version (size, mtime, inode). */
export class DocumentsBody {
  readonly #body = new VersionCache<{ bytes: Buffer; damaged: number[] }>();

  constructor(
    readonly file: string,
    private readonly onDamage?: (file: string, damaged: number[]) => void,
  ) {}

  /** The served body and its version tag, or null when the file is missing or a symlink. */
  async current(): Promise<{ bytes: Buffer; etag: string } | null> {
    const opened = await openRegularFile(this.file);
    if (!opened) return null;
    const { handle, stats } = opened;
    const stamp = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}-${stats.ino.toString(36)}`;
    try {
      const body = this.#body.get(stamp, () =>
        handle.readFile().then((content) => {
          const made = relativeDocumentPaths(content);
          if (made.damaged.length > 0) this.onDamage?.(this.file, made.damaged);
          return made;
        }),
      );
      return { bytes: (await body).bytes, etag: `"r-${stamp}"` };
    } finally {
      await handle.close();
    }
  }
}
