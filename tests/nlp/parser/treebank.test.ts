import { describe, expect, it } from "vitest";
import { alignSentence, isTree } from "../../../src/nlp/parser/align.js";
import { formatConllu, parseConllu, readConllu } from "../../../src/nlp/parser/conllu.js";
import { isProjective, projectivize } from "../../../src/nlp/parser/projective.js";
import { errorCode } from "../../error-code.js";

const FIXTURE = "tests/fixtures/ud/tiny.conllu";

describe("CoNLL-U", () => {
  it("reads word rows, skipping multiword-token ranges, and writes them back", () => {
    const [s1, s2] = readConllu(FIXTURE);
    expect(s1!.id).toBe("t1");
    expect(s1!.words.map((w) => w.form)).toEqual(["The", "mayor", "visited", "Lyon", "."]);
    expect(s2!.words.map((w) => w.form)).toContain("n't");
    expect(s2!.words).toHaveLength(9);
    const again = parseConllu(formatConllu(s1!.words), "x");
    expect(again[0]!.words).toEqual(s1!.words);
  });

  it("names the file and line of a malformed row", () => {
    const bad = "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n2\tb\tb\tX\n";
    expect(() => parseConllu(bad, "bad.conllu")).toThrow(/bad\.conllu:2:/);
    expect(errorCode(() => parseConllu(bad, "bad.conllu"))).toBe("INPUT_CONLL");
  });
});

describe("alignment with newsgraph tokens", () => {
  it("joins a hyphenated compound into one token carrying the head of the compound", () => {
    const s = readConllu(FIXTURE)[1]!;
    const a = alignSentence(s);
    expect(a.tokens).toEqual(["A", "long-term", "deal", "was", "n't", "signed", "."]);
    // "term" carries the token: its head "deal" (token 3) and relation compound.
    expect(a.heads![1]).toBe(3);
    expect(a.labels[1]).toBe("compound");
    expect(a.heads![2]).toBe(6);
    expect(isTree(a.heads!)).toBe(true);
  });
});

describe("projectivity", () => {
  it("lifts a crossing arc to the head's head", () => {
    const s = readConllu(FIXTURE)[2]!;
    const heads = s.words.map((w) => w.head);
    expect(isProjective(heads)).toBe(false);
    const p = projectivize(heads);
    expect(isProjective(p)).toBe(true);
    expect(p[7]).toBe(4); // "issue" moves from "hearing" to "scheduled"
    expect(p.filter((h, i) => h !== heads[i])).toHaveLength(1);
  });
});
