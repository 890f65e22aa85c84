/**
 * Reads articles from files and folders into Documents: `.txt`, `.md`, `.html`, `.jsonl` (one
 * `{id?, title?, date?, source?, url?, text}` per line) and gzipped versions of them. Documents come out
 * one at a time in a stable order (sorted paths, then line numbers) so builds are deterministic and memory
 * stays bounded: a JSONL file (gzipped or not) is streamed a line at a time (stream-lines.ts), so only the
 * current record exists in memory, however large the archive.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { NewsgraphError } from "../errors.js";
import type { Document } from "../types.js";
import { decodeFile, decodeUtf8 } from "./decode.js";
import { streamLines } from "./stream-lines.js";
import { htmlToText } from "./html.js";
import { normalizeDate, parseTextMetadata, fallbackTitle } from "./metadata.js";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".jsonl"] as const;

export interface ReadOptions {
  /** Warn and skip bad files or lines instead of failing. */
  skipBad?: boolean;
  /** Receives one-line warnings (skipped inputs). */
  onWarning?: (message: string) => void;
  /** Called with the number of compressed bytes read from a `.gz` JSONL file as they are read. */
  onCompressedRead?: (bytes: number) => void;
}

/** One input file with the root its document ids are relative to. */
export interface InputFile {
  path: string;
  root: string;
}

function extensionOf(path: string): string {
  const plain = path.endsWith(".gz") ? path.slice(0, -3) : path;
  const dot = plain.lastIndexOf(".");
  return dot >= 0 ? plain.slice(dot).toLowerCase() : "";
}

function isSupported(path: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(path));
}

/** Expand files and folders into the sorted list of supported input files. */
export function listInputs(inputs: string[]): InputFile[] {
  if (inputs.length === 0) throw new NewsgraphError("INPUT_NONE", "no input given: pass files or folders of articles");
  const files: InputFile[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new NewsgraphError("INPUT_MISSING", `${input}: no such file or folder`, { file: input });
    }
    if (stat.isDirectory()) {
      const found = walk(abs).filter(isSupported).sort();
      files.push(...found.map((path) => ({ path, root: abs })));
    } else if (isSupported(abs)) {
      files.push({ path: abs, root: dirname(abs) });
    } else {
      throw new NewsgraphError("INPUT_BINARY", `${input}: unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(", ")} or .gz of them)`, { file: input });
    }
  }
  if (files.length === 0) {
    throw new NewsgraphError("INPUT_NONE", `${inputs.join(", ")}: no article files found (${SUPPORTED_EXTENSIONS.join(", ")})`);
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The id of a file's document: its path relative to the input root, without extensions. */
function fileId(file: InputFile): string {
  const rel = relative(file.root, file.path) || basename(file.path);
  return rel.replace(/\\/g, "/").replace(/\.gz$/, "").replace(/\.[a-z]+$/i, "");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Read all documents of the inputs, in a stable order, one at a time. */
export async function* readDocuments(inputs: string[], options: ReadOptions = {}): AsyncGenerator<Document> {
  const seen = new Map<string, number>();
  const unique = (id: string): string => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  };
  for (const file of listInputs(inputs)) {
    try {
      for await (const doc of readFile(file, options)) yield { ...doc, id: unique(doc.id) };
    } catch (err) {
      if (options.skipBad && err instanceof NewsgraphError) {
        options.onWarning?.(`skipped ${err.message}`);
        continue;
      }
      throw err;
    }
  }
}

/** Read the documents of one file. */
function readFile(file: InputFile, options: ReadOptions = {}): Iterable<Document> | AsyncIterable<Document> {
  const ext = extensionOf(file.path);
  const id = fileId(file);
  if (ext === ".jsonl") return readJsonl(file.path, id, options);
  const text = decodeFile(file.path, readFileSync(file.path));
  if (ext === ".html" || ext === ".htm") {
    const page = htmlToText(text);
    const meta = parseTextMetadata(page.text);
    return [makeDocument({ id, path: file.path, text: meta.body, title: page.title ?? meta.title, date: meta.date, source: meta.source })];
  }
  const meta = parseTextMetadata(text, ext === ".md");
  return [makeDocument({ id, path: file.path, text: meta.body, title: meta.title, date: meta.date, source: meta.source })];
}

interface DocumentFields {
  id: string;
  path: string;
  text: string;
  title?: string | undefined;
  date?: string | undefined;
  source?: string | undefined;
  url?: string | undefined;
}

function makeDocument(fields: DocumentFields): Document {
  const doc: Document = { id: fields.id, path: fields.path, sha256: sha256(fields.text), text: fields.text };
  if (fields.title) doc.title = fields.title;
  if (fields.date) doc.date = fields.date;
  if (fields.source) doc.source = fields.source;
  if (fields.url) doc.url = fields.url;
  return doc;
}

async function* readJsonl(path: string, id: string, options: ReadOptions): AsyncGenerator<Document> {
  let records = 0;
  const onRead = path.endsWith(".gz") ? options.onCompressedRead : undefined;
  for await (const { bytes: lineBytes, number, offset } of streamLines(path, onRead ? { onRead } : {})) {
    const where = `${path}:${number}`;
    let doc: Document;
    try {
      const line = decodeUtf8(where, lineBytes, offset).trim();
      if (line === "") continue;
      doc = parseRecord(line, where, `${id}:${number}`);
    } catch (err) {
      if (options.skipBad && err instanceof NewsgraphError) {
        options.onWarning?.(`skipped ${err.message}`);
        continue;
      }
      throw err;
    }
    records++;
    yield doc;
  }
  if (records === 0) throw new NewsgraphError("INPUT_EMPTY", `${path}: no JSONL records`, { file: path });
}

function parseRecord(line: string, where: string, defaultId: string): Document {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    throw new NewsgraphError("INPUT_JSONL", `${where}: malformed JSON (${(err as Error).message})`, { file: where });
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw new NewsgraphError("INPUT_JSONL", `${where}: expected a JSON object with a "text" field`, { file: where });
  }
  const r = record as Record<string, unknown>;
  if (typeof r.text !== "string" || r.text.trim() === "") {
    throw new NewsgraphError("INPUT_JSONL", `${where}: missing or empty "text" field`, { file: where });
  }
  const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const rid = typeof r.id === "number" ? String(r.id) : str(r.id);
  const body = r.text.replace(/\r\n?/g, "\n").trim();
  return makeDocument({
    id: rid ?? defaultId,
    path: where,
    text: body,
    title: str(r.title) ?? fallbackTitle(body),
    date: normalizeDate(r.date),
    source: str(r.source),
    url: str(r.url),
  });
}
