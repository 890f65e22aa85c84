import { describe, expect, it } from "vitest";
import { ShortWords } from "../../../src/nlp/tagger/short-words.js";
import { WordTable } from "../../../src/nlp/tagger/word-table.js";

describe("ShortWords", () => {
  it("takes words of 1 to 8 ASCII characters only", () => {
    const short = new ShortWords();
    for (const w of ["a", "said", "12,500", "Quellin.", "\u0001x"]) expect(short.pack(w)).toBe(true);
    for (const w of ["", "Valdemoors", "caf\u00e9", "\u201cWe", "a\u0000b"]) expect(short.pack(w)).toBe(false);
  });

  it("tells apart words with the same characters in another order or length, as it grows past its first size", () => {
    const short = new ShortWords(4);
    const words: string[] = [];
    for (const a of ["a", "b", "A", "0", "."]) for (const b of ["", "a", "b", "ab", "ba", "aaaa", "aaaaaaa"]) words.push(a + b);
    words.forEach((w, i) => {
      expect(short.pack(w)).toBe(true);
      expect(short.get()).toBe(-1);
      short.set(i);
    });
    words.forEach((w, i) => {
      short.pack(w);
      expect(short.get()).toBe(i);
    });
    short.clear();
    short.pack(words[0]!);
    expect(short.get()).toBe(-1);
  });
});

describe("WordTable with short and long words", () => {
  it("numbers each word once, whether it is looked up by numeric key or by string", () => {
    const words = new WordTable();
    const sentence = ["Brindle", "Harbourmasters", "hire", "\u201cno\u201d", "Brindle", "hire", "Harbourmasters", "\u201cno\u201d", "Brindl"];
    expect([...words.sentence(sentence)]).toEqual([0, 1, 2, 3, 0, 2, 1, 3, 4]);
    expect(words.infos.map((w) => w.norm)).toEqual(["Brindle", "Harbourmasters", "hire", '"no"', "Brindl"]);
  });
});
