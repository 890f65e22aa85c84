/**
 * The build summary's account of the bounds on one document's work (src/extract/limits.ts): what they
 * cut, summed over the corpus's distinct texts, and the one line the CLI prints when they cut anything.
 */
import type { DocumentRecord, ExtractionLimits } from "../types.js";

/** Summed counts; zero counts are left out. */
export type BuildLimits = Omit<ExtractionLimits, "slices"> & {
  /** Documents too large to analyse at once, analysed in slices. */
  slicedDocuments?: number;
};

/** The limits of the extractions summed, each distinct text once. */
export function sumLimits(extractions: readonly { doc: DocumentRecord; limits?: ExtractionLimits }[]): BuildLimits {
  const sum: Required<BuildLimits> = { longSentences: 0, slicedDocuments: 0, mentions: 0, evidence: 0 };
  const seen = new Set<string>();
  for (const { doc, limits } of extractions) {
    if (!limits || seen.has(doc.sha256)) continue;
    seen.add(doc.sha256);
    sum.longSentences += limits.longSentences ?? 0;
    sum.slicedDocuments += limits.slices ? 1 : 0;
    sum.mentions += limits.mentions ?? 0;
    sum.evidence += limits.evidence ?? 0;
  }
  const out: BuildLimits = {};
  for (const [k, v] of Object.entries(sum) as [keyof BuildLimits, number][]) if (v > 0) out[k] = v;
  return out;
}

/** "capped: 3 long sentences split, 1 document sliced, ...", or undefined when nothing was cut. */
export function describeLimits(limits: BuildLimits): string | undefined {
  const parts: string[] = [];
  const count = (n: number | undefined, one: string, many: string) => {
    if (n) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  count(limits.longSentences, "long sentence split", "long sentences split");
  count(limits.slicedDocuments, "document sliced", "documents sliced");
  count(limits.mentions, "mention over the per-entity cap dropped", "mentions over the per-entity cap dropped");
  count(limits.evidence, "evidence sentence over the caps dropped", "evidence sentences over the caps dropped");
  return parts.length > 0 ? `capped: ${parts.join(", ")}` : undefined;
}
