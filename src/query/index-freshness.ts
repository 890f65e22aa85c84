/**
 * Whether graph.json (and documents.jsonl) are still the files a query index was made from, without
 * hashing them on every start. As git does in its index, the build records what `stat` says of each file
 * (size, modification and change times in ns, inode, device) in a fixed-size slot of query-index.bin, once
 * the files are in place; a query trusts a file whose stat is unchanged and hashes it only when the stat
 * differs (a copied folder: new inodes, same bytes, still recognised by the SHA-256 in the header).
 *
 * Why a stat match means the same bytes: every change through the file system — a write, a truncation, a
 * rename over it, `touch` or `utimes` forcing the old modification time back — sets the change time (ctime)
 * to the kernel's clock, and no user call can set ctime. So an edited file, even to the same size with its
 * mtime forced back, shows a new ctime. What stays undetected: writes that bypass the file system (to the
 * raw device), a system clock set back to the very tick of the recording, and a change in the moment
 * between the build renaming the files into place and recording their stat. File times tick coarsely (a
 * few ms), so a change in the same tick as the last write would keep the recorded ctime: the build
 * records the stat only once the files are older than STAT_MARGIN_MS ("racy git"), and a later change gets
 * a later ctime.
 */
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { crc32 } from "node:zlib";

/** What `stat` says of a file, as recorded: times in ns, inode and device as decimal strings. */
export interface FileStat {
  bytes: number;
  mtime: string;
  ctime: string;
  ino: string;
  dev: string;
}

/** The stats a query index records of the files it was made from (none until the build has recorded them). */
export interface RecordedStats {
  graph?: FileStat;
  documents?: FileStat;
}

/** Bytes of the slot, newline included: a CRC-32 (8 hex digits), a space, the JSON, padded with spaces. */
export const STAT_SLOT_BYTES = 512;

/** How much older than the recording moment the files must be (several ticks of the file-time clock). */
const STAT_MARGIN_MS = 50;

/** The stat of a file, or undefined when it cannot be read. */
export function fileStat(path: string): FileStat | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return { bytes: Number(s.size), mtime: String(s.mtimeNs), ctime: String(s.ctimeNs), ino: String(s.ino), dev: String(s.dev) };
  } catch {
    return undefined;
  }
}

export function sameStat(a: FileStat | undefined, b: FileStat | undefined): boolean {
  return a !== undefined && b !== undefined && a.bytes === b.bytes && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino && a.dev === b.dev;
}

/** The slot as written before the build records anything: no stats, so every query hashes. */
export function emptyStatSlot(): Buffer {
  return encodeStatSlot({});
}

function encodeStatSlot(stats: RecordedStats): Buffer {
  const json = JSON.stringify(stats);
  const text = `${crc32(json).toString(16).padStart(8, "0")} ${json}`;
  if (text.length >= STAT_SLOT_BYTES) throw new Error("file stats do not fit their slot in the query index");
  return Buffer.from(text.padEnd(STAT_SLOT_BYTES - 1) + "\n", "latin1");
}

/** The stats of a slot; none when it is damaged (then the files are hashed). */
export function decodeStatSlot(slot: Buffer): RecordedStats {
  const text = slot.toString("latin1").trimEnd();
  const json = text.slice(9);
  if (text[8] !== " " || crc32(json).toString(16).padStart(8, "0") !== text.slice(0, 8)) return {};
  try {
    return JSON.parse(json) as RecordedStats;
  } catch {
    return {};
  }
}

/**
 * Record the stats of `graphPath` and `documentsPath` in the slot at byte `slotAt` of the index at
 * `indexPath`, once they are STAT_MARGIN_MS old (waits at most that long). A file that cannot be read is not
 * recorded (queries then hash it or read it).
 */
export function recordFileStats(indexPath: string, slotAt: number, graphPath: string, documentsPath: string): void {
  let stats: RecordedStats;
  for (;;) {
    stats = { graph: fileStat(graphPath), documents: fileStat(documentsPath) };
    const newest = Math.max(...[stats.graph, stats.documents].map((s) => (s ? Number(BigInt(s.ctime) / 1_000_000n) : 0)));
    const wait = newest + STAT_MARGIN_MS - Date.now();
    if (wait <= 0) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  }
  const fd = openSync(indexPath, "r+");
  try {
    writeSync(fd, encodeStatSlot(stats), 0, STAT_SLOT_BYTES, slotAt);
  } finally {
    closeSync(fd);
  }
}
