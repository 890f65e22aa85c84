import { describe, expect, it } from "vitest";
import { GAZETTEER_LISTS, GazetteerMatcher, gazetteerData } from "../../../src/nlp/tagger/gazetteer.js";
import { computeWordInfo } from "../../../src/nlp/tagger/word-info.js";

const data = gazetteerData([
  ["city", "Port Elizabeth"],
  ["city", "Elizabeth"],
  ["country", "Costa Rica"],
  ["given-name", "maria"],
  ["person-title", "prime minister"],
]);
const matcher = new GazetteerMatcher(data);

/** Lists and positions (B/I/L/U) matched at each token. */
function matches(sentence: string): string[][] {
  const words = sentence.split(" ").map((text) => {
    const w = computeWordInfo(text);
    return { ...w, ...matcher.start(w) };
  });
  const bits = matcher.match(words);
  return words.map((_, i) => {
    const out: string[] = [];
    for (let b = 0; b < 64; b++) {
      const word = bits[2 * i + (b >= 32 ? 1 : 0)]!;
      if (word & (1 << b % 32)) out.push(`${GAZETTEER_LISTS[Math.floor(b / 4)]}:${"BILU"[b % 4]}`);
    }
    return out;
  });
}

describe("GazetteerMatcher", () => {
  it("marks multi-token matches with B/L and nested single-token matches with U", () => {
    expect(matches("to Port Elizabeth today")).toEqual([[], ["city:B"], ["city:L", "city:U"], []]);
  });
  it("matches case-insensitively, so ALL CAPS headlines match too", () => {
    expect(matches("COSTA RICA WINS")[0]).toEqual(["country:B"]);
  });
  it("does not match proper-name lists on lowercase words", () => {
    expect(matches("maria and Maria")).toEqual([[], [], ["given-name:U"]]);
  });
  it("matches lowercase lists such as titles", () => {
    expect(matches("the prime minister said")[1]).toEqual(["person-title:B"]);
  });
  it("stops at unknown prefixes", () => {
    expect(matches("Port Moresby")).toEqual([[], []]);
  });
  it("knows of a word alone whether it is an entry and whether a longer entry starts with it", () => {
    const start = (text: string) => matcher.start(computeWordInfo(text));
    const city = 1 << GAZETTEER_LISTS.indexOf("city");
    expect(start("Port")).toEqual({ gazLists: 0, gazPrefix: true });
    expect(start("Elizabeth")).toEqual({ gazLists: city, gazPrefix: false });
    expect(start("Maria")).toEqual({ gazLists: 1 << GAZETTEER_LISTS.indexOf("given-name"), gazPrefix: false });
    // False positives: a proper-name entry written in lowercase, an unknown word.
    expect(start("maria")).toEqual({ gazLists: 0, gazPrefix: false });
    expect(start("Moresby")).toEqual({ gazLists: 0, gazPrefix: false });
  });
});
