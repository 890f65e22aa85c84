/**
 * Assembles the knowledge graph from the documents' extractions: one node per corpus entity, one edge
 * per (source, relation, target, polarity) with weight, documents, independent stories and evidence
 * aggregated across documents. Nodes and edges are inserted in sorted order so that the serialized graph
 * is byte-identical for identical inputs.
 */
import Graph from "graphology";
import { slugify } from "../nlp/normalize.js";
import { ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS, type DocExtraction, type EdgeAttributes, type Evidence, type GraphAttributes, type NewsGraph, type NodeAttributes } from "../types.js";
import { VERSION } from "../version.js";
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

export interface AssembledGraph {
  graph: NewsGraph;
  /** Node key of each corpus entity. */
  nodeKeys: string[];
  /** Full evidence of every edge, by edge key. */
  evidence: Map<string, Evidence[]>;
}

interface EdgeDraft {
  source: string;
  target: string;
  relation: EdgeAttributes["relation"];
  negated: boolean;
  predicates: Map<string, number>;
  evidence: Map<string, Evidence>;
  docs: Set<string>;
  rules: Set<string>;
}

/** Build the graph (without layout attributes beyond placeholders). */
export function assembleGraph(extractions: DocExtraction[], resolution: CorpusResolution, options: AssembleOptions = {}): AssembledGraph {
  const name = options.name ?? ASSEMBLE_DEFAULTS.name;
  const cap = options.evidenceCap ?? ASSEMBLE_DEFAULTS.evidenceCap;
  const coCap = options.cooccurrenceEvidenceCap ?? ASSEMBLE_DEFAULTS.cooccurrenceEvidenceCap;
  const storyOf = options.storyOf ?? ((id: string) => id);
  const dateOf = new Map(extractions.map((x) => [x.doc.id, x.doc.date]));

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

  const graph: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true, allowSelfLoops: false });
  const attrs: GraphAttributes = {
    name,
    documents: extractions.length,
    generatedBy: `newsgraph ${VERSION}`,
    relationTypes: [...RELATION_TYPES],
    entityTypes: [...ENTITY_TYPES],
  };
  graph.replaceAttributes(attrs);

  const nodeOrder = resolution.entities.map((_, i) => i).sort((a, b) => (nodeKeys[a]! < nodeKeys[b]! ? -1 : 1));
  for (const i of nodeOrder) graph.addNode(nodeKeys[i]!, nodeAttributes(resolution.entities[i]!, dateOf));

  const drafts = new Map<string, EdgeDraft>();
  for (const x of extractions) {
    for (const r of x.relations) {
      const si = resolution.indexOf.get(`${x.doc.id}/${r.source}`);
      const ti = resolution.indexOf.get(`${x.doc.id}/${r.target}`);
      if (si === undefined || ti === undefined || si === ti) continue;
      let source = nodeKeys[si]!;
      let target = nodeKeys[ti]!;
      const symmetric = SYMMETRIC_RELATIONS.has(r.relation);
      if (symmetric && target < source) [source, target] = [target, source];
      const key = `${r.relation}${r.negated ? ":not" : ""}:${source}${symmetric ? "--" : "->"}${target}`;
      let d = drafts.get(key);
      if (!d) {
        d = { source, target, relation: r.relation, negated: r.negated, predicates: new Map(), evidence: new Map(), docs: new Set(), rules: new Set() };
        drafts.set(key, d);
      }
      if (r.predicate) d.predicates.set(r.predicate, (d.predicates.get(r.predicate) ?? 0) + 1);
      d.evidence.set(`${r.evidence.doc}@${r.evidence.start}`, r.evidence);
      d.docs.add(x.doc.id);
      d.rules.add(r.rule);
    }
  }

  const evidence = new Map<string, Evidence[]>();
  for (const key of [...drafts.keys()].sort()) {
    const d = drafts.get(key)!;
    const all = rankEvidence([...d.evidence.values()], storyOf);
    evidence.set(key, all);
    const attributes: EdgeAttributes = {
      relation: d.relation,
      negated: d.negated,
      predicate: topPredicate(d.predicates),
      weight: d.evidence.size,
      docs: [...d.docs].sort(),
      stories: new Set([...d.docs].map(storyOf)).size,
      evidence: all.slice(0, d.relation === "co_occurs" ? coCap : cap),
      rules: [...d.rules].sort(),
    };
    if (SYMMETRIC_RELATIONS.has(d.relation)) graph.addUndirectedEdgeWithKey(key, d.source, d.target, attributes);
    else graph.addDirectedEdgeWithKey(key, d.source, d.target, attributes);
  }
  return { graph, nodeKeys, evidence };
}

/**
 * Most informative first: one sentence per independent story before repeats (near-duplicate copies of a
 * story and further sentences of a document come after), newest documents first.
 */
function rankEvidence(items: Evidence[], storyOf: (docId: string) => string): Evidence[] {
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
    aliases.add(e.name);
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
