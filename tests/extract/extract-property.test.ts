// Property: any text — every script, control characters, lone surrogates, emoji, very long tokens —
// goes through extractDocument without throwing, and every offset it returns lies inside the text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";
import { MAX_SENTENCE_TOKENS } from "../../src/nlp/long-sentences.js";
import { splitSentences } from "../../src/nlp/sentences.js";

const extractor = loadExtractor();

/** Pieces texts are made of: words and names (invented), punctuation, and hostile characters. */
const piece = fc.oneof(
  fc.constantFrom("Alva Brint", "Qorvane Systems", "Ostrava", "met", "said", "the", "in", "Mr.", "Dr.", "and", ",", ".", ";", "\n", "\n\n", " ", "\t", "“", "”", "'s"),
  fc.string({ unit: "binary", maxLength: 12 }), // any code point, all scripts
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), // lone surrogates
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), // control characters
  fc.constantFrom("😀", "👩‍👩‍👧", "🇳🇴", "\u200b", "\u00a0", "\ufeff", "\u0301"),
  fc.tuple(fc.constantFrom("x", "Ж", "字", "a.b"), fc.integer({ min: 200, max: 3000 })).map(([c, n]) => c.repeat(n)), // very long tokens
);
const text = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(" "));

describe("extractDocument on any text", () => {
  it("never throws and returns mentions, evidence and sentences inside the text", () => {
    fc.assert(
      fc.property(text, (t) => {
        const x = extractDocument(extractor, { id: "p", path: "p.txt", sha256: "0", text: t }, { maxSliceChars: 2000 });
        const inside = (start: number, end: number) => Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= t.length;
        for (const e of x.entities) for (const m of e.mentions) expect(inside(m.start, m.end)).toBe(true);
        for (const r of x.relations) {
          expect(inside(r.evidence.start, r.evidence.end)).toBe(true);
          expect(r.evidence.sentence).toBe(t.slice(r.evidence.start, r.evidence.end).replace(/\s+/g, " "));
        }
        for (const s of splitSentences(t)) {
          expect(inside(s.start, s.end)).toBe(true);
          expect(s.tokens.length).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
          for (const tok of s.tokens) expect(s.start <= tok.start && tok.end <= s.end).toBe(true);
        }
      }),
      { seed: 20261204, numRuns: 60 },
    );
  });
});
