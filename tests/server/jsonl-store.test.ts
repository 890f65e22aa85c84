/** Records served one at a time from a JSON Lines file by a key field, re-indexed when the file changes. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { indexLines, JsonLinesStore } from "../../src/server/jsonl-store.js";

const line = (id: string, text: string) => JSON.stringify({ id, text, mentions: [] });

describe("indexLines", () => {
  it("maps each key to the byte range of its line, skipping blank lines and naming malformed and keyless ones", () => {
    const content = Buffer.from([line("a", "été"), "", "{not json", line("b", "two"), "[1]", '{"id":7}', line("a", "dup")].join("\n"));
    const { lines: index, damaged } = indexLines(content, "id");
    expect(damaged).toEqual([3, 5, 6]);
    expect([...index.keys()]).toEqual(["a", "b"]);
    const a = index.get("a")!;
    expect(JSON.parse(content.toString("utf8", a.offset, a.offset + a.length)).text).toBe("été");
    const b = index.get("b")!;
    expect(JSON.parse(content.toString("utf8", b.offset, b.offset + b.length)).text).toBe("two");
  });
});

describe("JsonLinesStore", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads one document's line and sees a rewritten file", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsgraph-texts-"));
    const file = join(dir, "texts.jsonl");
    const store = new JsonLinesStore(file, "id");
    expect(await store.available()).toBe(false);
    expect(await store.line("a")).toBeNull();
    writeFileSync(file, [line("a", "first"), line("b", "second")].join("\n") + "\n");
    expect(await store.available()).toBe(true);
    expect(JSON.parse((await store.line("b"))!.toString()).text).toBe("second");
    expect(await store.line("c")).toBeNull();
    writeFileSync(file, [line("c", "third, a longer line than before")].join("\n") + "\n");
    expect(await store.line("b")).toBeNull();
    expect(JSON.parse((await store.line("c"))!.toString()).text).toBe("third, a longer line than before");
  });

  it("indexes by another key field", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsgraph-evidence-"));
    const file = join(dir, "evidence.jsonl");
    writeFileSync(file, JSON.stringify({ edge: "e1", evidence: [] }) + "\n");
    const store = new JsonLinesStore(file, "edge");
    expect(JSON.parse((await store.line("e1"))!.toString())).toEqual({ edge: "e1", evidence: [] });
    expect(await store.line("e2")).toBeNull();
  });
});
