/**
 * Facts about the loaded graph computed once: the ranking of entities by connectedness through stated
 * relations (for opening large graphs on their best connected entities), the dates each entity and
 * relation is attested on (for the date filter, computed when first asked for), counts per type,
 * relation and kind of claim (for the filters and legend), the colour of each entity type present (the
 * shared palette), and the communities. Computed in steps a caller can spread over several tasks, with
 * the co-occurrences held out of the graph (core/held-co-occurrences.ts) counted as if they were in it.
 */
import { TYPE_COLORS } from "../../../src/graph/palette.js";
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  type DocumentTable,
  type EntityType,
  type RelationType,
  type ViewerGraph,
} from "./model.js";
import { addTally, claimCountsOf, emptyTally, tallyEdge } from "../../../src/graph/edge-tally.js";
import type { HeldCoOccurrences } from "./held-co-occurrences.js";
import { NeighbourPairs } from "./neighbour-counts.js";
import type { ClaimKind } from "./state.js";
import { runSteps } from "./steps.js";

export interface CommunitySummary {
  id: number;
  size: number;
  /** Label of its best connected member. */
  label: string;
}

/** When an entity or relation is attested: the sorted distinct dates behind it (absent when none is dated), and whether some undated document attests it. */
export interface AttestedTime {
  dates: readonly string[] | undefined;
  undated: boolean;
}

export interface GraphIndex {
  /** Relations in the graph, co-occurrences held out of it included. */
  size: number;
  /** The graph has stated (typed) relations, not only co-occurrences. */
  statedRelations: boolean;
  /** Node keys from best to least connected: by neighbours through stated relations, then by all neighbours. */
  ranking: string[];
  /** Position of each node in the ranking (0 = best connected). */
  rank: ReadonlyMap<string, number>;
  /** Place of each node in the graph's node list (the order they were loaded in, by which the co-occurrence summary names them). */
  position: ReadonlyMap<string, number>;
  /** Distinct neighbours of each node. */
  degree: ReadonlyMap<string, number>;
  maxDegree: number;
  maxMentions: number;
  /** The dates of the documents behind an entity (and its first and last sighting), computed on first use, then kept. */
  nodeTime(node: string): AttestedTime;
  /** The dates of a relation of the graph (computed on first use, then kept). */
  edgeTime(edge: string): AttestedTime;
  /** Earliest and latest document date, or null when no document is dated. */
  dateRange: readonly [string, string] | null;
  typeCounts: ReadonlyMap<EntityType, number>;
  relationCounts: ReadonlyMap<RelationType, number>;
  /** The shared colour-blind-safe colour of each entity type present (src/graph/palette.ts). */
  typeColors: ReadonlyMap<EntityType, string>;
  maxWeight: number;
  /** Relations that are claims of each kind other than plain assertions (negated, possible, former, inferred). */
  claimCounts: ReadonlyMap<ClaimKind, number>;
  /** Some relation carries a calibrated confidence. */
  confidenceScored: boolean;
  /** Communities, largest first. */
  communities: CommunitySummary[];
}

/** The distinct dates of some documents and of `extra` (evidence dates, first and last seen), sorted. */
function datesOf(docs: readonly string[], documents: DocumentTable, extra: readonly (string | undefined)[]): string[] {
  // Most entities and relations come from a document or two: a short array beats a set.
  const dates: string[] = [];
  const add = (date: string | undefined): void => {
    if (date && !dates.includes(date)) dates.push(date);
  };
  for (const id of docs) add(documents.get(id)?.date);
  for (const date of extra) add(date);
  return dates.length > 1 ? dates.sort() : dates;
}

function hasUndated(docs: readonly string[], documents: DocumentTable): boolean {
  return docs.length === 0 || docs.some((id) => !documents.get(id)?.date);
}

/** Earliest and latest document date, or null when no document is dated (the viewer then has no time line). */
export function documentDateRange(documents: DocumentTable): readonly [string, string] | null {
  let first: string | undefined;
  let last: string | undefined;
  for (const { date } of documents.values()) {
    if (!date) continue;
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
  }
  return first !== undefined && last !== undefined ? [first, last] : null;
}

/** Items processed between two pauses of `graphIndexSteps`. */
const ITEMS_PER_STEP = 2048;

/** Compute the index of a graph and its documents. */
export function buildGraphIndex(graph: ViewerGraph, documents: DocumentTable, held?: HeldCoOccurrences): GraphIndex {
  return runSteps(graphIndexSteps(graph, documents, held));
}

/**
 * The same computation, pausing (yielding) every few thousand nodes or edges so that a caller can spread
 * it over several tasks and keep the page responsive on very large graphs.
 */
export function* graphIndexSteps(graph: ViewerGraph, documents: DocumentTable, held?: HeldCoOccurrences): Generator<void, GraphIndex, void> {
  let items = 0;
  const degree = new Map<string, number>();
  const typeTally = new Map<EntityType, number>();
  let maxDegree = 0;
  let maxMentions = 0;
  // Distinct neighbours through any relation and through stated relations (a self-loop makes an entity its own neighbour).
  const keys = graph.nodes();
  const position = new Map(keys.map((node, i) => [node, i]));
  const neighbors = new NeighbourPairs(keys.length);
  const statedNeighbors = new NeighbourPairs(keys.length);
  for (const { attributes: attrs, source, target } of graph.edgeEntries()) {
    if (++items % ITEMS_PER_STEP === 0) yield;
    const a = position.get(source)!;
    const b = position.get(target)!;
    neighbors.link(a, b);
    if (attrs.relation !== "co_occurs" && a !== b) statedNeighbors.link(a, b);
  }
  held?.forEachEnds((a, b) => neighbors.link(a, b));
  yield;
  const neighborCounts = neighbors.counts();
  const statedCounts = statedNeighbors.counts();
  yield;
  const stated = new Map<string, number>();
  let at = 0;
  for (const { node, attributes: attrs } of graph.nodeEntries()) {
    if (++items % ITEMS_PER_STEP === 0) yield;
    stated.set(node, statedCounts[at]!);
    const d = neighborCounts[at++]!;
    degree.set(node, d);
    maxDegree = Math.max(maxDegree, d);
    maxMentions = Math.max(maxMentions, attrs.mentions);
    typeTally.set(attrs.type, (typeTally.get(attrs.type) ?? 0) + 1);
  }
  yield;

  // Sort keys read once into arrays: the comparator runs some n·log(n) times.
  const statedOf = keys.map((node) => stated.get(node)!);
  const degreeOf = keys.map((node) => degree.get(node)!);
  const mentionsOf = keys.map((node) => graph.getNodeAttribute(node, "mentions"));
  const ranking = keys
    .map((_node, i) => i)
    .sort(
      (a, b) =>
        statedOf[b]! - statedOf[a]! ||
        degreeOf[b]! - degreeOf[a]! ||
        mentionsOf[b]! - mentionsOf[a]! ||
        (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0),
    )
    .map((i) => keys[i]!);
  yield;

  const relationTally = new Map<RelationType, number>();
  const tally = emptyTally();
  for (const { attributes: attrs } of graph.edgeEntries()) {
    if (++items % ITEMS_PER_STEP === 0) yield;
    tallyEdge(tally, attrs);
    relationTally.set(attrs.relation, (relationTally.get(attrs.relation) ?? 0) + 1);
  }
  if (held !== undefined && held.count > 0) {
    addTally(tally, held.tally);
    relationTally.set("co_occurs", (relationTally.get("co_occurs") ?? 0) + held.count);
  }
  /** When the documents `docs` (and the dates `extra`) attest something. */
  const attested = (docs: readonly string[], extra: readonly (string | undefined)[]): AttestedTime => {
    const dates = datesOf(docs, documents, extra);
    return { dates: dates.length > 0 ? dates : undefined, undated: hasUndated(docs, documents) };
  };
  const nodeTimes = new Map<string, AttestedTime>();
  const nodeTime = (node: string): AttestedTime => {
    let time = nodeTimes.get(node);
    if (time === undefined) {
      const attrs = graph.getNodeAttributes(node);
      time = attested(attrs.docs, [attrs.firstSeen, attrs.lastSeen]);
      nodeTimes.set(node, time);
    }
    return time;
  };
  const edgeTimes = new Map<string, AttestedTime>();
  const edgeTime = (edge: string): AttestedTime => {
    let time = edgeTimes.get(edge);
    if (time === undefined) {
      const attrs = graph.getEdgeAttributes(edge);
      time = attested(attrs.docs, attrs.evidence.map((e) => e.date));
      edgeTimes.set(edge, time);
    }
    return time;
  };

  const dateRange = documentDateRange(documents);

  const typeCounts = new Map<EntityType, number>();
  const typeColors = new Map<EntityType, string>();
  for (const type of ENTITY_TYPES) {
    const count = typeTally.get(type);
    if (count === undefined) continue;
    typeCounts.set(type, count);
    typeColors.set(type, TYPE_COLORS[type]);
  }
  const relationCounts = new Map<RelationType, number>();
  for (const relation of RELATION_TYPES) {
    const count = relationTally.get(relation);
    if (count !== undefined) relationCounts.set(relation, count);
  }

  yield;
  const communityMembers = new Map<number, string[]>();
  for (const node of ranking) {
    const id = graph.getNodeAttribute(node, "community");
    const members = communityMembers.get(id) ?? [];
    members.push(node);
    communityMembers.set(id, members);
  }
  const communities = [...communityMembers]
    .map(([id, members]) => ({ id, size: members.length, label: graph.getNodeAttribute(members[0]!, "label") }))
    .sort((a, b) => b.size - a.size || a.id - b.id);

  return {
    size: tally.count,
    statedRelations: [...relationCounts.keys()].some((r) => r !== "co_occurs"),
    ranking,
    rank: new Map(ranking.map((node, i) => [node, i])),
    position,
    degree,
    maxDegree,
    maxMentions,
    nodeTime,
    edgeTime,
    dateRange,
    typeCounts,
    relationCounts,
    typeColors,
    maxWeight: Math.max(1, tally.maxWeight),
    claimCounts: claimCountsOf(tally),
    confidenceScored: tally.confidenceScored,
    communities,
  };
}
