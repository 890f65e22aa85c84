/** Test helper: one text extracted with the shipped models, and its relations as readable claims. */
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";
import { SYMMETRIC_RELATIONS, type DocExtraction } from "../../src/types.js";

const extractor = loadExtractor();

export function extract(text: string): DocExtraction {
  return extractDocument(extractor, { id: "t", path: "t.txt", sha256: "", text });
}

/**
 * Relations as "Source relation Target" with "NOT " when negated, co_occurs left out; with `modality`,
 * " (possible)" / " (former)" when not asserted; with `bothWays`, a symmetric relation in both directions.
 */
export function claimsOf(x: DocExtraction, options: { modality?: boolean; bothWays?: boolean } = {}): string[] {
  const name = (id: string) => x.entities.find((e) => e.id === id)!.name;
  const out: string[] = [];
  for (const r of x.relations) {
    if (r.relation === "co_occurs") continue;
    const tail = `${r.negated ? "NOT " : ""}${r.relation}`;
    const modality = options.modality && r.modality && r.modality !== "asserted" ? ` (${r.modality})` : "";
    out.push(`${name(r.source)} ${tail} ${name(r.target)}${modality}`);
    if (options.bothWays && SYMMETRIC_RELATIONS.has(r.relation)) out.push(`${name(r.target)} ${tail} ${name(r.source)}${modality}`);
  }
  return out;
}
