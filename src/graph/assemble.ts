/**
 * Assembles the knowledge graph from the documents' extractions: one node per corpus entity, one edge
 * per (source, relation, target, polarity) with weight, documents, independent stories and evidence
 * aggregated across documents. Nodes and edges are inserted in sorted order so that the serialized graph
 * is byte-identical for identical inputs.
 */
import Graph from "graphology";
import { slugify } from "../nlp/normalize.js";
import { ENTITY_TYPES, MODALITIES, RELATION_TYPES, SYMMETRIC_RELATIONS, type DocExtraction, type Modality, type EdgeAttributes, type Evidence, type GraphAttributes, type NewsGraph, type NodeAttributes } from "../types.js";
import { VERSION } from "../version.js";
import type { SerializedGraph } from "graphology-types";
import type { CorpusResolution } from "./resolve-corpus.js";

export interface AssembleOptions {
  /** Graph name (graph attribute `name`). */
  name?: string;
  /** Evidence items kept per edge in graph.json (the full list goes to the sidecar). */
  evidenceCap?: number;
  /** Evidence items kept per co_occurs edge in graph.json (they are not claims; all go to the sidecar). */
  cooccurrenceEvidenceCap?: number;
  /** Story id of each document: near-duplicate documents share one. Defaults to the document id. */
  storyOf?: (docId: string) => string;
}

export const ASSEMBLE_DEFAULTS = {
  name: "newsgraph",
  evidenceCap: 5,
  cooccurrenceEvidenceCap: 0,
} as const;

/** A graph as `graph.export()` gives it. */
export type SerializedNewsGraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface AssembledGraph<G = NewsGraph> {
  graph: G;
  /** Node key of each corpus entity. */
  nodeKeys: string[];
  /** Full evidence of every edge, in edge order (most informative first). */
  evidence: Evidence[][];
}

/** An edge of the graph: the relations of all documents between two nodes, merged. */
export interface MergedEdge {
  key: string;
  source: string;
  target: string;
  relation: EdgeAttributes["relation"];
  negated: boolean;
  modality: Modality;
  /** The highest confidence of its relations (undefined when none carries one). */
  confidence: number | undefined;
  /** Whether every relation merged into it was inferred. */
  inferred: boolean;
  attributedTo: string | undefined;
  predicates: Map<string, number> | undefined;
  /** One item per sentence. */
  evidence: Evidence[];
  /** Number of evidence items. */
  weight: number;
  /** Documents in extraction order (each document's relations come together, so a repeat is the last one). */
  docs: string[];
  rules: string[];
}

/** The graph before its attributes are computed: node keys and merged edges, all a layout needs. */
export interface GraphPlan {
  /** Node key of each corpus entity. */
  nodeKeys: string[];
  /** Entity indices in node order (by node key). */
  nodeOrder: number[];
  /** Edges in edge order (by edge key). */
  edges: MergedEdge[];
}

/** Build the graph (without layout attributes beyond placeholders). */
export function assembleGraph(extractions: DocExtraction[], resolution: CorpusResolution, options: AssembleOptions = {}): AssembledGraph {
  const { graph: serialized, nodeKeys, evidence } = assembleSerializedGraph(extractions, resolution, options);
  const graph: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>(serialized.options);
  graph.import(serialized);
  return { graph, nodeKeys, evidence };
}

/** Node keys and merged edges of the graph of these extractions. */
export function planGraph(extractions: DocExtraction[], resolution: CorpusResolution): GraphPlan {
  // Node keys: type:slug, made unique in a stable order.
  const order = resolution.entities.map((e, i) => ({ e, i, base: `${e.type}:${slugify(e.label)}` }));
  order.sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : a.e.label.localeCompare(b.e.label)));
  const nodeKeys: string[] = new Array(resolution.entities.length);
  const used = new Map<string, number>();
  for (const { i, base } of order) {
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    nodeKeys[i] = n === 1 ? base : `${base}-${n}`;
  }
  const nodeOrder = resolution.entities.map((_, i) => i).sort((a, b) => (nodeKeys[a]! < nodeKeys[b]! ? -1 : 1));

  // Edges are gathered under a number made of relation, polarity and node ranks (exact below millions of
  // nodes); their string key is made once per edge.
  const rank = new Int32Array(nodeKeys.length);
  nodeOrder.forEach((i, r) => (rank[i] = r));
  const relationIndex = new Map(RELATION_TYPES.map((t, i) => [t, i]));
  const modalityIndex = new Map(MODALITIES.map((m, i) => [m, i]));
  const n = nodeKeys.length;
  const drafts = new Map<number, MergedEdge>();
  extractions.forEach((x, docIndex) => {
    const entityOf = resolution.entityOf[docIndex]!;
    for (const r of x.relations) {
      let si = entityOf.get(r.source);
      let ti = entityOf.get(r.target);
      if (si === undefined || ti === undefined || si === ti) continue;
      const symmetric = SYMMETRIC_RELATIONS.has(r.relation);
      if (symmetric && rank[ti]! < rank[si]!) [si, ti] = [ti, si];
      const modality = r.modality ?? "asserted";
      const id = (((relationIndex.get(r.relation)! * 2 + (r.negated ? 1 : 0)) * 3 + modalityIndex.get(modality)!) * n + rank[si]!) * n + rank[ti]!;
      const ev = r.evidence;
      let d = drafts.get(id);
      if (!d) {
        const source = nodeKeys[si]!;
        const target = nodeKeys[ti]!;
        // joined rather than concatenated: a flat string, which the sort below compares several times faster
        const key = [r.relation, r.negated ? ":not:" : ":", modality === "asserted" ? "" : `${modality}:`, source, symmetric ? "--" : "->", target].join("");
        // Lists made with their first item are allocated at that length (most edges keep one item; an
        // empty list pushed to reserves 16 slots).
        d = { key, source, target, relation: r.relation, negated: r.negated, modality, confidence: undefined, inferred: true, attributedTo: undefined, predicates: undefined, evidence: [ev], weight: 1, docs: [x.doc.id], rules: [r.rule] };
        drafts.set(id, d);
      } else {
        // One evidence item per sentence: a repeat can only come from this document's items, which are last.
        let repeat = false;
        for (let k = d.evidence.length - 1; k >= 0 && d.evidence[k]!.doc === ev.doc; k--) {
          if (d.evidence[k]!.start === ev.start) {
            repeat = true;
            break;
          }
        }
        if (!repeat) d.weight = d.evidence.push(ev);
        if (d.docs[d.docs.length - 1] !== x.doc.id) d.docs.push(x.doc.id);
        if (!d.rules.includes(r.rule)) d.rules.push(r.rule);
      }
      if (r.confidence !== undefined && (d.confidence === undefined || r.confidence > d.confidence)) d.confidence = r.confidence;
      if (!r.inferred) d.inferred = false;
      if (r.attributedTo !== undefined && d.attributedTo === undefined) {
        const speaker = entityOf.get(r.attributedTo);
        if (speaker !== undefined) d.attributedTo = nodeKeys[speaker];
      }
      if (r.predicate) {
        d.predicates ??= new Map();
        d.predicates.set(r.predicate, (d.predicates.get(r.predicate) ?? 0) + 1);
      }
    }
  });

  return { nodeKeys, nodeOrder, edges: [...drafts.values()].sort((a, b) => (a.key < b.key ? -1 : 1)) };
}

/**
 * Build the graph in its serialized form (nodes and edges in graph order), which is what the build lays
 * out and writes: no graph object is needed for that. Takes the graph's plan when already made.
 */
export function assembleSerializedGraph(extractions: DocExtraction[], resolution: CorpusResolution, options: AssembleOptions = {}, plan = planGraph(extractions, resolution)): AssembledGraph<SerializedNewsGraph> {
  const cap = options.evidenceCap ?? ASSEMBLE_DEFAULTS.evidenceCap;
  const coCap = options.cooccurrenceEvidenceCap ?? ASSEMBLE_DEFAULTS.cooccurrenceEvidenceCap;
  const storyOf = options.storyOf ?? ((id: string) => id);
  const dateOf = new Map(extractions.map((x) => [x.doc.id, x.doc.date]));
  const { nodeKeys } = plan;
  const graph: SerializedNewsGraph = {
    options: { type: "mixed", multi: true, allowSelfLoops: false },
    attributes: {
      name: options.name ?? ASSEMBLE_DEFAULTS.name,
      documents: extractions.length,
      generatedBy: `newsgraph ${VERSION}`,
      relationTypes: [...RELATION_TYPES],
      entityTypes: [...ENTITY_TYPES],
    },
    nodes: plan.nodeOrder.map((i) => ({ key: nodeKeys[i]!, attributes: nodeAttributes(resolution.entities[i]!, dateOf) })),
    edges: [],
  };
  const evidence: Evidence[][] = [];
  for (const d of plan.edges) {
    const all = rankEvidence(d.evidence, storyOf);
    evidence.push(all);
    const attributes: EdgeAttributes = {
      relation: d.relation,
      negated: d.negated,
      predicate: d.predicates ? topPredicate(d.predicates) : "",
      weight: d.weight,
      docs: d.docs.sort(),
      stories: d.docs.length === 1 ? 1 : new Set(d.docs.map(storyOf)).size,
      evidence: all.slice(0, d.relation === "co_occurs" ? coCap : cap),
      // right after the evidence: the query index finds an edge's evidence list in graph.json by it (write.ts)
      rules: d.rules.sort(),
    };
    if (d.relation !== "co_occurs") attributes.modality = d.modality;
    if (d.confidence !== undefined) attributes.confidence = d.confidence;
    if (d.inferred && d.relation !== "co_occurs") attributes.inferred = true;
    if (d.attributedTo !== undefined) attributes.attributedTo = d.attributedTo;
    graph.edges.push(SYMMETRIC_RELATIONS.has(d.relation) ? { key: d.key, source: d.source, target: d.target, attributes, undirected: true } : { key: d.key, source: d.source, target: d.target, attributes });
  }
  return { graph, nodeKeys, evidence };
}

/**
 * Most informative first: one sentence per independent story before repeats (near-duplicate copies of a
 * story and further sentences of a document come after), newest documents first.
 */
function rankEvidence(items: Evidence[], storyOf: (docId: string) => string): Evidence[] {
  if (items.length === 1) return items;
  const sorted = [...items].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.doc.localeCompare(b.doc) || a.start - b.start);
  const firstPerStory: Evidence[] = [];
  const rest: Evidence[] = [];
  const seen = new Set<string>();
  for (const e of sorted) {
    const story = storyOf(e.doc);
    if (seen.has(story)) rest.push(e);
    else {
      seen.add(story);
      firstPerStory.push(e);
    }
  }
  return [...firstPerStory, ...rest];
}

function topPredicate(predicates: Map<string, number>): string {
  let best = "";
  let n = 0;
  for (const [p, c] of [...predicates].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (c > n) {
      best = p;
      n = c;
    }
  }
  return best;
}

function nodeAttributes(entity: CorpusResolution["entities"][number], dateOf: Map<string, string | undefined>): NodeAttributes {
  const aliases = new Set<string>();
  const roles = new Set<string>();
  const docs = new Set<string>();
  let mentions = 0;
  for (const { doc, entity: e } of entity.members) {
    if (!e.description) aliases.add(e.name); // a description ("a new pipeline to X") is no name
    for (const a of e.aliases) aliases.add(a);
    for (const r of e.roles ?? []) roles.add(r);
    docs.add(doc);
    mentions += e.mentions.length;
  }
  aliases.delete(entity.label);
  const dates = [...docs].map((d) => dateOf.get(d)).filter((d): d is string => Boolean(d)).sort();
  const attrs: NodeAttributes = {
    label: entity.label,
    type: entity.type,
    aliases: [...aliases].sort(),
    mentions,
    docs: [...docs].sort(),
    x: 0,
    y: 0,
    size: 1,
    color: "#999999",
    community: 0,
  };
  if (dates.length > 0) {
    attrs.firstSeen = dates[0]!;
    attrs.lastSeen = dates[dates.length - 1]!;
  }
  if (roles.size > 0) attrs.roles = [...roles].sort();
  return attrs;
}
