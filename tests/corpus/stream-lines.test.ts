// Streaming JSONL input: records come from a stream a line at a time (gunzipped on the fly), with the
// same one-line errors as before; the progress count reads no .gz file.
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readDocuments } from "../../src/corpus/read.js";
import { streamLines } from "../../src/corpus/stream-lines.js";
import { countDocuments, estimateTotal } from "../../src/pipeline/count.js";

const dir = () => mkdtempSync(join(tmpdir(), "ng-stream-"));

async function texts(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const doc of readDocuments([path])) out.push(doc.text);
  return out;
}

describe("streamed JSONL", () => {
  it("reads records longer than a stream chunk, from plain and gzipped files alike", async () => {
    const records = [`Alva Brint ${"word ".repeat(40_000)}end.`, "Corvin Dahl met her.", `${"é".repeat(70_000)} Ostrava.`];
    const lines = `\ufeff${records.map((text, i) => JSON.stringify({ id: `r${i}`, text })).join("\n")}\n\n`;
    const d = dir();
    writeFileSync(join(d, "a.jsonl"), lines);
    writeFileSync(join(d, "b.jsonl.gz"), gzipSync(lines));
    expect(await texts(join(d, "a.jsonl"))).toEqual(records);
    expect(await texts(join(d, "b.jsonl.gz"))).toEqual(records);
  });

  it("gives line numbers and byte offsets across chunk boundaries", async () => {
    const d = dir();
    const first = `{"text":"${"a".repeat(100_000)}"}`;
    writeFileSync(join(d, "c.jsonl"), `${first}\n{"text":"b"}`);
    const lines = [];
    for await (const l of streamLines(join(d, "c.jsonl"))) lines.push([l.number, l.offset, l.bytes.length]);
    expect(lines).toEqual([
      [1, 0, first.length],
      [2, first.length + 1, 12],
    ]);
  });

  it("names the line of an invalid record in a gzipped file, and rejects a file that is not gzip", async () => {
    const d = dir();
    const gz = join(d, "d.jsonl.gz");
    writeFileSync(gz, gzipSync(`{"text":"Fine."}\n{"text":\n`));
    await expect(texts(gz)).rejects.toMatchObject({ code: "INPUT_JSONL", message: expect.stringContaining(`${gz}:2: malformed JSON`) });
    const fake = join(d, "e.jsonl.gz");
    writeFileSync(fake, "not gzip at all");
    await expect(texts(fake)).rejects.toMatchObject({ code: "INPUT_BINARY", message: `${fake}: not a valid gzip file` });
  });

  it("rejects empty and binary JSONL files with the file named", async () => {
    const d = dir();
    writeFileSync(join(d, "f.jsonl"), " \n\n");
    writeFileSync(join(d, "g.jsonl"), Buffer.from([0x7b, 0x00, 0x7d, 0x0a]));
    await expect(texts(join(d, "f.jsonl"))).rejects.toMatchObject({ code: "INPUT_EMPTY" });
    await expect(texts(join(d, "g.jsonl"))).rejects.toMatchObject({ code: "INPUT_BINARY" });
  });
});

describe("progress count", () => {
  it("counts non-blank JSONL lines and files, and only the compressed size of a .gz file", () => {
    const d = dir();
    writeFileSync(join(d, "a.jsonl"), '{"text":"a"}\n\n  \n{"text":"b"}');
    writeFileSync(join(d, "b.txt"), "Text.");
    writeFileSync(join(d, "c.jsonl.gz"), gzipSync('{"text":"a"}\n{"text":"b"}\n'));
    expect(countDocuments([d])).toEqual({ documents: 3, gzBytes: statSync(join(d, "c.jsonl.gz")).size });
  });

  it("estimates the records of gzipped files from the share of them read, exactly at the end", () => {
    expect(estimateTotal({ documents: 3, gzBytes: 1000 }, 10, 250)).toBe(43);
    expect(estimateTotal({ documents: 3, gzBytes: 1000 }, 37, 1000)).toBe(40);
    expect(estimateTotal({ documents: 3, gzBytes: 0 }, 0, 0)).toBe(3);
  });
});
