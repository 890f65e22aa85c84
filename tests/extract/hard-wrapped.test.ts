/**
 * Hard-wrapped text (wire copy, mail, text converted from PDF) breaks lines inside names: a name across a
 * line break is the same entity as the name on one line, under a one-line label.
 */
import { expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";

it("finds one entity for a name written across a line break and on one line", () => {
  const text = [
    "Shares of Varnholt Mining Corp rose four pct on Monday after the",
    "company said it would sell its copper unit to Kelmscar Holdings",
    "Ltd for 200 mln dlrs in cash and stock, subject to approval by",
    "regulators. A spokesman for Varnholt Mining Corp said the sale",
    "to Kelmscar Holdings Ltd was expected to close in June and that",
    "the proceeds would be used to repay the banks that lent the",
    "miner 150 mln dlrs last year, the spokesman for Varnholt Mining",
    "Corp added in a statement released after the market closed.",
  ].join("\n");
  const result = extractDocument(loadExtractor(), { id: "w", path: "w.txt", sha256: "", text });
  const names = result.entities.map((e) => e.name);
  expect(names.filter((n) => n.startsWith("Varnholt"))).toEqual(["Varnholt Mining Corp"]);
  expect(names.filter((n) => n.startsWith("Kelmscar"))).toEqual(["Kelmscar Holdings Ltd"]);
  expect(result.entities.flatMap((e) => [e.name, ...e.aliases]).filter((n) => /\s\s|[^\S ]/.test(n))).toEqual([]);
});
