/** The registered relation rules: pure functions of a sentence's view, run in their registered order. */
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../../src/extract/extractor.js";
import { analyzeDocument } from "../../../src/extract/index.js";
import { SENTENCE_RULES, TITLE_RULES } from "../../../src/extract/relations/rules.js";

const extractor = loadExtractor();
const text =
  "French President Emmanuel Macron met Lena Berg, the chief executive of Norland Airways, in Oslo. " +
  "The French leader said neither Norway nor Iceland are members of the European Union. " +
  "Acme Corp, which is based in Geneva, signed a partnership with Norland Airways.";
const analysis = analyzeDocument(extractor, { id: "t", path: "t.txt", sha256: "", text });

describe("registered relation rules", () => {
  it("have unique ids", () => {
    const ids = [...TITLE_RULES, ...SENTENCE_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([...TITLE_RULES, ...SENTENCE_RULES].map((r) => [r.id, r] as const))("%s returns the same claims on every run and leaves the view as it was", (_id, rule) => {
    for (const view of analysis.contexts) {
      const items = JSON.stringify(view.items.map((it) => [it.id, it.m.tokStart, it.m.tokEnd]));
      const first = rule.run(view);
      const second = rule.run(view);
      expect(second).toEqual(first);
      expect(JSON.stringify(view.items.map((it) => [it.id, it.m.tokStart, it.m.tokEnd]))).toBe(items);
    }
  });

  it("give the document's rule relations, with the role nominal a title made resolvable", () => {
    const name = (id: string) => analysis.entities.find((e) => e.id === id)!.name;
    const claims = analysis.ruleRelations.filter((r) => r.relation !== "co_occurs").map((r) => `${name(r.source)} ${r.negated ? "NOT " : ""}${r.relation} ${name(r.target)}`);
    expect(claims).toContain("Emmanuel Macron leader_of France");
    expect(claims).toContain("Lena Berg leader_of Norland Airways");
    expect(claims).toContain("Norway NOT member_of European Union");
    // "The French leader" is Emmanuel Macron, by the title of the first sentence.
    const macron = analysis.entities.find((e) => e.name === "Emmanuel Macron")!;
    expect(macron.mentions.some((m) => m.text === "French leader")).toBe(true);
  });
});
