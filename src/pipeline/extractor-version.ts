/**
 * The extractor version that keys the extraction cache: a hash of everything a document's extraction
 * depends on besides its text — the package version, the trained models, the knowledge-base data files,
 * and the extraction and NLP sources (with the hashing, randomness and vocabulary files they use) when the
 * package ships them. Any change to one of them gives a new
 * version, and cached extractions made by another version are ignored.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import { VERSION } from "../version.js";

/** Folders (relative to the package root) whose files the extraction depends on, with the suffixes hashed. */
const INPUTS: [folder: string, suffixes: string[]][] = [
  ["src/nlp/models", [".bin", ".json"]],
  ["src/kb", [".json", ".ts"]],
  ["src/extract", [".ts"]],
  ["src/nlp", [".ts"]],
  ["src/corpus", ["dedup.ts"]],
  ["src/pipeline", ["extract-work.ts"]],
];

/** Single files outside those folders that the extraction's results depend on (feature hashing, seeded randomness, the vocabularies). */
const FILES = ["src/hash.ts", "src/random.ts", "src/types.ts"];

function listFiles(dir: string, suffixes: string[]): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, suffixes));
    else if (entry.isFile() && suffixes.some((s) => entry.name.endsWith(s))) out.push(path);
  }
  return out;
}

/** Hash of the package version and of the extraction's data and source files (sorted by path). */
export function computeExtractorVersion(root: string = PACKAGE_ROOT): string {
  const hash = createHash("sha256").update(`newsgraph ${VERSION}\n`);
  const single = FILES.map((file) => join(root, file)).filter((file) => existsSync(file));
  const files = [...new Set([...INPUTS.flatMap(([folder, suffixes]) => listFiles(join(root, folder), suffixes)), ...single])];
  files.sort();
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  for (const file of files) {
    hash.update(`${relative(root, file).replace(/\\/g, "/")}\n`);
    hashFile(hash, file, chunk);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The buffer a file is read through while hashed. */
const CHUNK_BYTES = 1 << 20;

/**
 * Feed a file to the hash through one reused buffer. Reading each model whole into fresh memory cost
 * more than hashing it (page faults on 26 MB at every start: 0.2 s of CPU against 0.03 s this way).
 */
function hashFile(hash: Hash, file: string, chunk: Buffer): void {
  const fd = openSync(file, "r");
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** The version of the extractor this package runs. */
export const EXTRACTOR_VERSION: string = computeExtractorVersion();
