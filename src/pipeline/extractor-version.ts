/**
 * The extractor version that keys the extraction cache: a hash of everything a document's extraction
 * depends on besides its text — the package version, the trained models, the knowledge-base data files,
 * and the extraction and NLP sources when the package ships them. Any change to one of them gives a new
 * version, and cached extractions made by another version are ignored.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import { VERSION } from "../version.js";

/** Folders (relative to the package root) whose files the extraction depends on, with the suffixes hashed. */
const INPUTS: [folder: string, suffixes: string[]][] = [
  ["src/nlp/models", [".bin", ".json"]],
  ["src/kb", [".json"]],
  ["src/extract", [".ts"]],
  ["src/nlp", [".ts"]],
  ["src/corpus", ["dedup.ts"]],
  ["src/pipeline", ["extract-work.ts"]],
];

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
  const files = [...new Set(INPUTS.flatMap(([folder, suffixes]) => listFiles(join(root, folder), suffixes)))];
  files.sort();
  for (const file of files) {
    hash.update(`${relative(root, file).replace(/\\/g, "/")}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The version of the extractor this package runs. */
export const EXTRACTOR_VERSION: string = computeExtractorVersion();
