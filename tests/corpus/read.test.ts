import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readDocuments, listInputs } from "../../src/corpus/read.js";
import { parseTextMetadata } from "../../src/corpus/metadata.js";
import type { Document } from "../../src/types.js";
import { errorCode } from "../error-code.js";

/** Every document the reader streams. */
async function readAll(...args: Parameters<typeof readDocuments>): Promise<Document[]> {
  const docs: Document[] = [];
  for await (const doc of readDocuments(...args)) docs.push(doc);
  return docs;
}

const fixtures = join(import.meta.dirname, "../fixtures/corpus");
describe("metadata of plain-text articles", () => {
  it.each([
    [" date 2023-10-17 (Wire Service) Jane Roe met John Doe.", { date: "2023-10-17", source: "Wire Service", body: "Jane Roe met John Doe." }],
    ["Markets Rally on Rate Hopes\nShares rose on Monday.", { title: "Markets Rally on Rate Hopes", body: "Shares rose on Monday." }],
    ["OSLO, Oct 17 (Nordic Wire)- Shares rose on Monday.", { source: "Nordic Wire", body: "Shares rose on Monday." }],
    ["Shares rose on Monday.\nThey fell later.", { body: "Shares rose on Monday.\nThey fell later." }],
  ])("%j", (raw, expected) => {
    expect(parseTextMetadata(raw)).toMatchObject(expected);
  });

  it("takes a Markdown heading as title", () => {
    expect(parseTextMetadata("# Big News\n\nText.", true)).toMatchObject({ title: "Big News", body: "Text." });
  });
});

describe("reading inputs", () => {
  it("reads JSONL records with ids, titles and ISO dates, skipping blank lines", async () => {
    const docs = await readAll([join(fixtures, "records.jsonl")]);
    expect(docs.map((d) => d.id)).toEqual(["a1", "records:3"]);
    expect(docs[0]).toMatchObject({ title: "First", date: "2024-03-01", text: "Alpha text here." });
    expect(docs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the file and line of a malformed JSONL record", async () => {
    await expect(readAll([join(fixtures, "broken.jsonl")])).rejects.toThrow(/broken\.jsonl:2: malformed JSON/);
  });

  it("skips bad records with a warning when asked", async () => {
    const warnings: string[] = [];
    const docs = await readAll([join(fixtures, "broken.jsonl")], { skipBad: true, onWarning: (w) => warnings.push(w) });
    expect(docs.map((d) => d.id)).toEqual(["ok"]);
    expect(warnings[0]).toMatch(/broken\.jsonl:2/);
  });

  it("passes JSONL records on one at a time, before reading the rest of the file", async () => {
    const records = readDocuments([join(fixtures, "broken.jsonl")]);
    expect((await records.next()).value).toMatchObject({ id: "ok" });
    await expect(records.next()).rejects.toThrow(/broken\.jsonl:2: malformed JSON/);
  });

  it("names the line of a JSONL record that is not UTF-8, and skips only that record when asked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-jsonl-"));
    const file = join(dir, "mixed.jsonl");
    const latin1 = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x7d]); // {"text":"caf\xe9"}
    writeFileSync(file, Buffer.concat([Buffer.from('{"id":"a","text":"First."}\n'), latin1, Buffer.from('\n{"id":"c","text":"Third."}\n')]));
    await expect(readAll([file])).rejects.toMatchObject({ code: "INPUT_ENCODING", message: expect.stringContaining(`${file}:2: invalid UTF-8 at byte`) });
    const warnings: string[] = [];
    const docs = await readAll([file], { skipBad: true, onWarning: (w) => warnings.push(w) });
    expect(docs.map((d) => d.id)).toEqual(["a", "c"]);
    expect(warnings).toEqual([expect.stringContaining(`${file}:2`)]);
  });

  it("reads gzipped files and gives stable ids relative to the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-corpus-"));
    writeFileSync(join(dir, "b.txt.gz"), gzipSync("Headline Here\nBody of b."));
    writeFileSync(join(dir, "a.md"), "# A title\n\nBody of a.");
    const docs = await readAll([dir]);
    expect(docs.map((d) => [d.id, d.title, d.text])).toEqual([
      ["a", "A title", "Body of a."],
      ["b", "Headline Here", "Body of b."],
    ]);
  });

  it.each([
    ["empty", Buffer.from("  \n"), "INPUT_EMPTY"],
    ["binary", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), "INPUT_BINARY"],
    ["latin-1", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), "INPUT_ENCODING"],
  ])("rejects an %s file with a coded error naming it", async (name, bytes, code) => {
    const dir = mkdtempSync(join(tmpdir(), "ng-bad-"));
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, bytes);
    await expect(readAll([file])).rejects.toMatchObject({ code, message: expect.stringContaining(file) });
  });

  it("rejects a missing path", () => {
    expect(errorCode(() => listInputs(["/no/such/folder"]))).toBe("INPUT_MISSING");
  });
});
