import { describe, expect, it } from "vitest";
import { groupStories, minhashSignature, resolveDedupOptions, signatureSimilarity, wordHashes, type StoryInput } from "../../src/corpus/dedup.js";
import { hashString } from "../../src/hash.js";
import { sha256 } from "../../src/corpus/read.js";
import { NewsgraphError } from "../../src/errors.js";

const STORY =
  "The city council approved a new budget on Tuesday after a long debate about road repairs, school funding and the " +
  "future of the central library. The mayor said the plan would cut waiting times at clinics and add three bus lines " +
  "before the winter. Opposition members argued that the spending on consultants was too high and asked for an audit.";
const OTHER =
  "Shares of a regional airline fell sharply on Monday after the carrier warned that fuel costs and a pilot shortage " +
  "would push it to a loss this year. Analysts cut their forecasts and one rating agency put the company on watch " +
  "for a downgrade, citing weak bookings on its long-haul routes.";

const doc = (id: string, text: string): StoryInput => ({ id, sha256: sha256(text), signature: minhashSignature(text) });

describe("minhash signatures", () => {
  it("are deterministic and seeded", () => {
    expect(minhashSignature(STORY)).toEqual(minhashSignature(STORY));
    expect(minhashSignature(STORY, { seed: 2 })).not.toEqual(minhashSignature(STORY));
    expect(minhashSignature(STORY)).toHaveLength(64);
  });

  it("estimate similarity: high for a lightly edited copy, low for another story", () => {
    const edited = STORY.replace("three bus lines", "two bus lines");
    expect(signatureSimilarity(minhashSignature(STORY), minhashSignature(edited))).toBeGreaterThan(0.75);
    expect(signatureSimilarity(minhashSignature(STORY), minhashSignature(OTHER))).toBeLessThan(0.1);
  });

  it("ignore case, punctuation and layout", () => {
    expect(minhashSignature(STORY.toUpperCase().replace(/\./g, " .\n"))).toEqual(minhashSignature(STORY));
  });

  it("hash the words the regular expression of letters and digits cuts out, in any script", () => {
    const texts = [STORY, "Zoë's café—naïve 3rd-party résumé", "Straße ΑΘΗΝΑ Москва 東京 2024年", "𝒳ylo 𝟘 \ud800 x\u0301y", "", "  ,;  "];
    for (const text of texts) expect(wordHashes(text)).toEqual((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => hashString(w) >>> 0));
  });
});

describe("groupStories", () => {
  it("groups exact and near duplicates under the smallest document id, keeps other stories apart", () => {
    const edited = STORY.replace("on Tuesday", "late on Tuesday");
    const docs = [doc("b", STORY), doc("c", OTHER), doc("a", edited), doc("d", STORY)];
    const g = groupStories(docs);
    expect(Object.fromEntries(g.storyOf)).toEqual({ a: "a", b: "a", c: "c", d: "a" });
    expect(g).toMatchObject({ stories: 2, exactDuplicates: 1, nearDuplicates: 1 });
  });

  it("does not depend on document order", () => {
    const docs = [doc("x1", STORY), doc("x2", OTHER), doc("x3", STORY.replace("audit", "independent audit")), doc("x4", OTHER + " Trading resumed later.")];
    const forward = groupStories(docs).storyOf;
    const backward = groupStories([...docs].reverse()).storyOf;
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });

  it("keeps stories that share only a few sentences apart", () => {
    const shared = "The mayor said the plan would cut waiting times at clinics.";
    const g = groupStories([doc("p", `${shared} ${OTHER}`), doc("q", `${shared} ${STORY.slice(0, 150)}`)]);
    expect(g.stories).toBe(2);
  });

  it("rejects invalid options with BAD_ARGUMENT", () => {
    for (const bad of [{ hashes: 60, bands: 16 }, { threshold: 0 }, { shingle: 0 }]) {
      expect(() => resolveDedupOptions(bad)).toThrow(NewsgraphError);
    }
  });
});
