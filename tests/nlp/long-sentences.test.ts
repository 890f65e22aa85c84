// Cutting sentences longer than the taggers and the parser take: at the best boundary, offsets kept.
import { describe, expect, it } from "vitest";
import { boundSentences, MAX_SENTENCE_TOKENS } from "../../src/nlp/long-sentences.js";
import { splitSentences } from "../../src/nlp/sentences.js";

describe("long sentences", () => {
  it("leaves sentences up to the limit as they are", () => {
    const text = "Alva Brint met Corvin Dahl. They spoke.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(["Alva Brint met Corvin Dahl.", "They spoke."]);
  });

  it("cuts a line without punctuation into pieces of at most the limit, keeping every token and offset", () => {
    const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(" ");
    const sentences = splitSentences(text);
    expect(sentences.length).toBe(Math.ceil(1000 / MAX_SENTENCE_TOKENS));
    expect(sentences.flatMap((s) => s.tokens.map((t) => t.text))).toEqual(text.split(" "));
    sentences.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.piece).toBe(true);
      expect(s.tokens.length).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    });
  });

  it("prefers a semicolon or colon, then a comma, then a conjunction, to a cut at the limit", () => {
    const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(" ");
    const cases: [string, string][] = [
      [`${words(5)} ; ${words(3, 5)} , ${words(10, 8)}`, ";"],
      [`${words(5)} , ${words(3, 5)} and ${words(10, 8)}`, ","],
      [`${words(6)} and ${words(12, 6)}`, "w5"],
    ];
    for (const [text, lastOfFirst] of cases) {
      const pieces = boundSentences(splitSentences(text), 10);
      expect(pieces.split).toBe(1);
      expect(pieces.sentences[0]!.tokens.at(-1)!.text).toBe(lastOfFirst);
    }
  });
});
