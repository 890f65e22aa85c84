/**
 * Viewer attributes computed at build time, deterministically: Louvain communities (seeded), node size
 * by degree, colour by entity type, and positions from ForceAtlas2 (settings inferred from the graph,
 * seeded start) followed by noverlap; on large graphs ForceAtlas2 runs on the best-connected core and
 * the other nodes are placed beside their neighbors. Layout and communities run on a simple weighted
 * undirected projection of the multigraph, which both algorithms expect.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import louvain from "graphology-communities-louvain";
import { seededRandom } from "../random.js";
import type { EntityType, NewsGraph } from "../types.js";

/** Colour of each entity type (viewer legend uses the same). */
export const TYPE_COLORS: Record<EntityType, string> = {
  person: "#e4572e",
  organization: "#3b82c4",
  country: "#2a9d8f",
  location: "#8ab17d",
  project: "#b07aa1",
  event: "#e9a03b",
};

export interface LayoutOptions {
  /** Seed of the start positions and of Louvain. */
  seed?: number;
  /** ForceAtlas2 iterations; by default scaled to the graph size. */
  iterations?: number;
  /**
   * Graphs with more nodes than this run ForceAtlas2 on their best-connected `coreNodes` nodes only and
   * place every other node beside a neighbor (breadth first from the core), so layout time stays near
   * a second however large the corpus.
   */
  coreNodes?: number;
}

export const LAYOUT_DEFAULTS = { seed: 42, coreNodes: 2000 } as const;

function defaultIterations(order: number, size: number): number {
  return Math.max(15, Math.min(300, Math.floor(1_500_000 / (order + size + 1))));
}

type Positioned = Graph<{ x: number; y: number; size: number }, { weight: number }>;

/** Run ForceAtlas2 on a graph's positioned nodes. */
function runForceAtlas2(g: Positioned, iterations: number): void {
  if (g.size === 0) return;
  forceAtlas2.assign(g, { iterations, getEdgeWeight: "weight", settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500 } });
}

/**
 * Layout of a large graph: ForceAtlas2 on the `coreNodes` nodes of highest weighted degree, then every
 * other node beside the neighbor that reaches it first breadth-first from the core, and nodes of
 * components without a core node on a ring around it.
 */
function layoutLarge(simple: Positioned, coreNodes: number, iterations: number | undefined, rng: () => number): void {
  const strength = new Map<string, number>();
  simple.forEachNode((n) => strength.set(n, simple.reduceEdges(n, (sum, _e, a) => sum + a.weight, 0)));
  const ranked = simple.nodes().sort((a, b) => strength.get(b)! - strength.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const coreSet = new Set(ranked.slice(0, coreNodes));
  const core: Positioned = new Graph({ type: "undirected", multi: false });
  for (const n of ranked.slice(0, coreNodes)) core.addNode(n, { ...simple.getNodeAttributes(n) });
  simple.forEachEdge((_e, a, s, t) => {
    if (coreSet.has(s) && coreSet.has(t)) core.addEdge(s, t, { weight: a.weight });
  });
  runForceAtlas2(core, iterations ?? defaultIterations(core.order, core.size));

  let extent = 1;
  let spacing = 0;
  core.forEachNode((n, a) => {
    simple.mergeNodeAttributes(n, { x: a.x, y: a.y });
    extent = Math.max(extent, Math.hypot(a.x, a.y));
  });
  spacing = extent / Math.sqrt(core.order);
  const placed = new Set(coreSet);
  const queue = ranked.slice(0, coreNodes);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    const { x, y } = simple.getNodeAttributes(u);
    simple.forEachNeighbor(u, (v) => {
      if (placed.has(v)) return;
      placed.add(v);
      queue.push(v);
      const angle = rng() * Math.PI * 2;
      const d = spacing * (0.3 + 0.7 * rng());
      simple.mergeNodeAttributes(v, { x: x + d * Math.cos(angle), y: y + d * Math.sin(angle) });
    });
  }
  for (const n of ranked) {
    if (placed.has(n)) continue;
    const angle = rng() * Math.PI * 2;
    const r = extent * (1.1 + 0.2 * rng());
    simple.mergeNodeAttributes(n, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Set x, y, size, color and community on every node. */
export function layoutGraph(graph: NewsGraph, options: LayoutOptions = {}): void {
  const seed = options.seed ?? LAYOUT_DEFAULTS.seed;
  const simple = new Graph({ type: "undirected", multi: false });
  graph.forEachNode((node) => simple.addNode(node));
  // Sum the weights of each node pair first (in first-seen order), then add each pair once.
  const pairs = new Map<string, { source: string; target: string; weight: number }>();
  graph.forEachEdge((_edge, attr, source, target) => {
    const w = attr.relation === "co_occurs" ? attr.weight * 0.5 : attr.weight * 2;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const pair = pairs.get(key);
    if (pair) pair.weight += w;
    else pairs.set(key, { source, target, weight: w });
  });
  for (const { source, target, weight } of pairs.values()) simple.addEdge(source, target, { weight });

  const communities = simple.order > 0 && simple.size > 0 ? louvain(simple, { rng: seededRandom(seed), getEdgeWeight: "weight" }) : {};

  const rng = seededRandom(seed + 1);
  const radius = Math.sqrt(simple.order) * 10;
  simple.forEachNode((node) => {
    const angle = rng() * Math.PI * 2;
    const r = radius * Math.sqrt(rng());
    simple.mergeNodeAttributes(node, { x: r * Math.cos(angle), y: r * Math.sin(angle), size: 1 + Math.sqrt(graph.degree(node)) });
  });
  const coreNodes = options.coreNodes ?? LAYOUT_DEFAULTS.coreNodes;
  if (simple.order > coreNodes) layoutLarge(simple as Positioned, coreNodes, options.iterations, rng);
  else runForceAtlas2(simple as Positioned, options.iterations ?? defaultIterations(simple.order, simple.size));
  // On graphs laid out by core (above coreNodes), noverlap would cost far more than the layout (20 s at
  // 33k nodes): nodes placed beside a hub crowd a few cells, so it is skipped there.
  if (simple.order <= coreNodes) {
    const large = simple.order > 5000;
    noverlap.assign(simple, {
      maxIterations: large ? 20 : 100,
      settings: { margin: 2, ratio: 1.2, ...(large ? { gridSize: Math.ceil(Math.sqrt(simple.order)) } : {}) },
    });
  }

  graph.forEachNode((node, attr) => {
    const pos = simple.getNodeAttributes(node) as { x: number; y: number };
    graph.mergeNodeAttributes(node, {
      x: round(pos.x),
      y: round(pos.y),
      size: round(3 + 2.5 * Math.sqrt(graph.degree(node))),
      color: TYPE_COLORS[attr.type],
      community: communities[node] ?? 0,
    });
  });
}
