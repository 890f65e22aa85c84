/**
 * Every entry of src/kb/relation-triggers.json carries an example sentence, and that sentence is a test row:
 * extracting it must yield the claim it states, of the entry's relation type, in the stated direction,
 * positive and asserted. A trigger whose example yields nothing is a trigger users never get.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";

interface TriggerEntry {
  reason: string;
  relation: string;
  phrases: string[];
  example: string;
}

const TRIGGERS = (JSON.parse(readFileSync(new URL("../../src/kb/relation-triggers.json", import.meta.url), "utf8")) as { triggers: TriggerEntry[] }).triggers;

const extractor = loadExtractor();

/** Relations as "Source relation Target" ("NOT" when negated, "(possible)"/"(former)" when not asserted), co_occurs left out. */
function claims(text: string): string[] {
  const x = extractDocument(extractor, { id: "t", path: "t.txt", sha256: "", text });
  const name = (id: string) => x.entities.find((e) => e.id === id)!.name;
  return x.relations
    .filter((r) => r.relation !== "co_occurs")
    .map((r) => `${name(r.source)} ${r.negated ? "NOT " : ""}${r.relation} ${name(r.target)}${r.modality && r.modality !== "asserted" ? ` (${r.modality})` : ""}`);
}

/** The claim each entry's example states (source first). */
const STATED: Record<string, string> = {
  "verb-meet": "Jonas Gahr Store meets Olaf Scholz",
  "noun-talks": "Alice Marsh meets Bob Tran",
  "verb-visit": "Melanie Joly visits Nairobi",
  "verb-attend": "Peru attends World Health Summit",
  "noun-participation-of": "Chile attends Lima Climate Summit",
  "verb-host": "Kenya hosts Africa Climate Summit",
  "verb-found": "Jeff Bezos founded Amazon",
  "verb-acquire": "Microsoft acquires LinkedIn",
  "verb-involved": "Equinor involved_in Northern Link",
  "verb-support": "Maria Lopez supports Paris Agreement",
  "noun-praise-from": "Canada supports Paris Agreement",
  "verb-oppose": "Transport Workers Union opposes Ryanair",
  "verb-accuse": "Brazil accuses Argentina",
  "verb-sanction": "European Union sanctions Iran",
  "verb-conflict": "Iraq conflict_with Kuwait",
  "noun-conflict": "Elbonia conflict_with Freedonia",
  "verb-partner": "Volkswagen partner_of Siemens",
  "noun-partnership": "Norland partner_of Southia",
  "verb-trade": "Chile trades_with Japan",
  "noun-trade": "Canada trades_with Mexico",
  "verb-invite": "Angela Merkel invites Emmanuel Macron",
  "noun-member-of": "Norway member_of North Atlantic Treaty Organization",
  "noun-part-of": "Audi part_of Volkswagen",
  "verb-located-in": "World Water Forum located_in Geneva",
  "prep-located-in": "Peace Palace located_in Geneva",
  "prep-at-event": "Maria Lopez attends World Water Forum",
  "prep-member-of": "Jane Roe member_of Liberal Party",
  "role-works-for": "Maria Lopez works_for Deutsche Bank",
  "role-leader-of": "Lena Berg leader_of Lufthansa",
  "role-official-of": "Omar Haddad official_of Canada",
  "verb-affiliated": "Omar Haddad affiliated_with Liberal Party",
};

/**
 * Known failures: the example is a fair sentence but the extractor misses its claim. These rows flip
 * (and the test fails) once fixed; then move them back to the passing rows.
 * - verb-found: the rule fires, but its dev precision (about 0.2) is under the type's bar, so the edge
 *   is dropped, and the classifier does not find it either.
 */
const KNOWN_FAILURES = new Set(["verb-found"]);

function check(entry: TriggerEntry): void {
  const got = claims(entry.example);
  // At least one positive, asserted relation of the entry's type, and the one the example states.
  expect(got.filter((c) => c.includes(` ${entry.relation} `) && !c.includes(" NOT ") && !c.endsWith(")"))).not.toHaveLength(0);
  expect(got).toContain(STATED[entry.reason]);
}

describe("relation trigger examples", () => {
  it("every entry has an example, a stated claim of its own relation type, and a unique reason", () => {
    const reasons = TRIGGERS.map((t) => t.reason);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const t of TRIGGERS) {
      expect(t.example, t.reason).toMatch(/^[A-Z].*\.$/);
      expect(STATED[t.reason], t.reason).toBeDefined();
      expect(STATED[t.reason]!.split(" "), t.reason).toContain(t.relation);
    }
    // No stated claim or known failure left behind for an entry that is gone.
    expect(Object.keys(STATED).filter((r) => !reasons.includes(r))).toEqual([]);
    expect([...KNOWN_FAILURES].filter((r) => !reasons.includes(r))).toEqual([]);
  });

  it.each(TRIGGERS.filter((t) => !KNOWN_FAILURES.has(t.reason)))("$reason: $example", (entry) => check(entry));

  it.fails.each(TRIGGERS.filter((t) => KNOWN_FAILURES.has(t.reason)))("known failure, $reason: $example", (entry) => check(entry));
});
