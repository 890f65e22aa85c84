/**
 * Described entities across documents: "a second natural gas pipeline to X" in one story joins the one
 * named entity of the corpus it fits — of the same type, with the description's head noun in one of its
 * names ("... pipeline"), and tied by some relation, in some document, to every place the description
 * leads to (X). With no such entity, or with several, the description stays out of the graph.
 */
import type { EntityDescription, EntityType } from "../types.js";

/** A corpus entity as this step sees it. */
export interface NamedGroup {
  root: number;
  type: EntityType;
  /** The words of all its names and aliases (name keys). */
  words: ReadonlySet<string>;
  /** Roots of the entities it has a relation with in some document. */
  related: ReadonlySet<number>;
}

/** A described entity: its member index, what it says, and the roots of its targets. */
export interface DescribedMember {
  member: number;
  type: EntityType;
  description: EntityDescription;
  targetRoots: readonly number[];
}

/** For each described member, the root of the one named entity it fits (absent: it fits none, or several). */
export function describedMerges(described: readonly DescribedMember[], groups: readonly NamedGroup[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of described) {
    const fits = groups.filter((g) => g.type === d.type && g.words.has(d.description.head) && d.targetRoots.every((t) => g.related.has(t)));
    if (fits.length === 1) out.set(d.member, fits[0]!.root);
  }
  return out;
}
