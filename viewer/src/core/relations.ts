/**
 * An entity's relations grouped by type for the side panel: each item names the other end, the direction,
 * the surface predicate, whether the claim is negated, possible or former, inferred, how confident, and
 * how many sentences support it. Groups follow
 * the vocabulary order (co-occurrence last); items go from best supported to least.
 */
import { RELATION_TYPES, type Modality, type RelationType, type ViewerGraph } from "./model.js";

export type Direction = "out" | "in" | "both";

export interface RelationItem {
  edge: string;
  other: string;
  otherLabel: string;
  direction: Direction;
  negated: boolean;
  modality: Modality;
  /** Calibrated confidence, when the relation type is scored on dev data. */
  confidence?: number;
  /** Derived at document level. */
  inferred: boolean;
  predicate: string;
  weight: number;
}

export interface RelationGroup {
  relation: RelationType;
  items: RelationItem[];
}

export interface EntityRelations {
  groups: RelationGroup[];
  /** Relations of the entity that the filters hide. */
  hidden: number;
}

/** Group the relations of `node` that `isShown` accepts. */
export function groupRelations(graph: ViewerGraph, node: string, isShown: (edge: string) => boolean): EntityRelations {
  const byRelation = new Map<RelationType, RelationItem[]>();
  let hidden = 0;
  graph.forEachEdge(node, (edge, attrs, source, target, _sa, _ta, undirected) => {
    if (!isShown(edge)) {
      hidden += 1;
      return;
    }
    const other = source === node ? target : source;
    const items = byRelation.get(attrs.relation) ?? [];
    items.push({
      edge,
      other,
      otherLabel: graph.getNodeAttribute(other, "label"),
      direction: undirected ? "both" : source === node ? "out" : "in",
      negated: attrs.negated,
      modality: attrs.modality ?? "asserted",
      ...(attrs.confidence !== undefined ? { confidence: attrs.confidence } : {}),
      inferred: attrs.inferred === true,
      predicate: attrs.predicate,
      weight: attrs.weight,
    });
    byRelation.set(attrs.relation, items);
  });
  const groups: RelationGroup[] = [];
  for (const relation of RELATION_TYPES) {
    const items = byRelation.get(relation);
    if (!items) continue;
    items.sort(
      (a, b) =>
        b.weight - a.weight ||
        a.otherLabel.localeCompare(b.otherLabel) ||
        Number(a.negated) - Number(b.negated) ||
        (a.edge < b.edge ? -1 : 1),
    );
    groups.push({ relation, items });
  }
  return { groups, hidden };
}
