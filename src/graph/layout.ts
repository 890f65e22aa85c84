/**
 * Viewer attributes computed at build time, deterministically: Louvain communities (seeded), node size
 * by degree, colour by entity type, and positions. Each connected component is laid out apart: the main
 * one with ForceAtlas2 (settings inferred from the graph, seeded start) followed by noverlap, or on large
 * graphs ForceAtlas2 on its best-connected core with the other nodes placed beside their neighbors; small
 * components as radial trees; then the components are packed side by side around the main one. Layout
 * and communities run on a simple weighted undirected projection of the multigraph, which both
 * algorithms expect, given as plain arrays (`LayoutInput`) so that the build can compute it on a worker
 * thread.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import louvain from "graphology-communities-louvain";
import { seededRandom } from "../random.js";
import { connectedComponents } from "./components.js";
import { packBoxes } from "./pack-components.js";
import { TYPE_COLORS } from "./palette.js";
import { radialTree } from "./radial-tree.js";
import type { EntityType, NewsGraph, NodeAttributes, RelationType } from "../types.js";


export interface LayoutOptions {
  /** Seed of the start positions and of Louvain. */
  seed?: number;
  /** ForceAtlas2 iterations; by default scaled to the graph size. */
  iterations?: number;
  /**
   * Components with more nodes than this run ForceAtlas2 on their best-connected `coreNodes` nodes only
   * and place every other node beside a neighbor (breadth first from the core), so layout time stays
   * near a second however large the corpus.
   */
  coreNodes?: number;
}

export const LAYOUT_DEFAULTS = { seed: 42, coreNodes: 2000 } as const;

/** Components other than the main one with at most this many nodes are laid out as radial trees. */
const RADIAL_TREE_MAX = 50;

function defaultIterations(order: number, size: number): number {
  return Math.max(15, Math.min(300, Math.floor(1_500_000 / (order + size + 1))));
}

type Positioned = Graph<{ x: number; y: number; size: number }, { weight: number }>;

/**
 * Run ForceAtlas2 on a graph's positioned nodes; above 500 nodes with the Barnes-Hut approximation at
 * Gephi's default theta of 1.2 (graphology's default, 0.5, is 2.4 times slower on a 2,000-node core).
 */
function runForceAtlas2(g: Positioned, iterations: number): void {
  if (g.size === 0) return;
  const barnesHut = g.order > 500;
  forceAtlas2.assign(g, { iterations, getEdgeWeight: "weight", settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: barnesHut, ...(barnesHut ? { barnesHutTheta: 1.2 } : {}) } });
}

/** Radius of a node in layout units (ForceAtlas2 and noverlap keep nodes this far apart). */
const nodeRadius = (degree: number) => 1 + Math.sqrt(degree);

/** Each node's neighbors and strength (summed weight of its links) in a `LayoutInput`. */
function adjacency(input: LayoutInput): { neighbors: number[][]; strength: Float64Array } {
  const { nodes, sources, targets, weights } = input;
  const strength = new Float64Array(nodes.length);
  const neighbors: number[][] = nodes.map(() => []);
  for (let p = 0; p < weights.length; p++) {
    strength[sources[p]!]! += weights[p]!;
    strength[targets[p]!]! += weights[p]!;
    neighbors[sources[p]!]!.push(targets[p]!);
    neighbors[targets[p]!]!.push(sources[p]!);
  }
  return { neighbors, strength };
}

/**
 * Run `f` with Math.random replaced by a seeded generator. noverlap (0.4) moves two nodes that sit on the
 * very same spot apart by a random jitter drawn from Math.random and takes no generator of its own; twins
 * (nodes with the same neighbours) can end ForceAtlas2 on the same float32 position, and the layout then
 * differed from one run to the next.
 */
function withSeededMathRandom<T>(seed: number, f: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return f();
  } finally {
    Math.random = original;
  }
}

/** ForceAtlas2 then noverlap on a whole component, in place on the start positions `x`, `y`. */
function layoutForce(input: LayoutInput, x: Float64Array, y: Float64Array, iterations: number | undefined, seed: number): void {
  const { nodes, sources, targets, weights } = input;
  const g: Positioned = new Graph({ type: "undirected", multi: false });
  nodes.forEach((node, i) => g.addNode(node, { x: x[i]!, y: y[i]!, size: nodeRadius(input.degrees[i]!) }));
  for (let p = 0; p < weights.length; p++) g.addEdge(nodes[sources[p]!]!, nodes[targets[p]!]!, { weight: weights[p]! });
  runForceAtlas2(g, iterations ?? defaultIterations(g.order, g.size));
  const large = g.order > 5000; // only when coreNodes is raised above that
  withSeededMathRandom(seed, () =>
    noverlap.assign(g, {
      maxIterations: large ? 20 : 100,
      settings: { margin: 2, ratio: 1.2, ...(large ? { gridSize: Math.ceil(Math.sqrt(g.order)) } : {}) },
    }),
  );
  nodes.forEach((node, i) => {
    const a = g.getNodeAttributes(node);
    x[i] = a.x;
    y[i] = a.y;
  });
}

/**
 * Start positions of a core: its largest connected part as a radial tree from its strongest node, in the
 * units of the seeded disc; the few nodes outside that part keep their seeded start. Neighbours start near
 * each other, so ForceAtlas2 untangles the core in half the iterations a random start needs for as few
 * edge crossings (`node dist/src/bench/layout.js <graph folder>` measures both).
 */
function radialStart(core: Positioned): void {
  const keys = core.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  core.forEachEdge((_e, a, s, t) => {
    sources.push(index.get(s)!);
    targets.push(index.get(t)!);
    weights.push(a.weight);
  });
  const part = connectedComponents(keys.length, sources, targets)[0] ?? [];
  const local = new Int32Array(keys.length).fill(-1);
  part.forEach((i, j) => (local[i] = j));
  const neighbors: number[][] = part.map(() => []);
  const strength = new Float64Array(part.length);
  sources.forEach((s, p) => {
    const i = local[s]!;
    const j = local[targets[p]!]!;
    if (i < 0) return; // both ends lie outside the largest part
    neighbors[i]!.push(j);
    neighbors[j]!.push(i);
    strength[i]! += weights[p]!;
    strength[j]! += weights[p]!;
  });
  const { x, y } = radialTree(neighbors, strength, START_STEP);
  part.forEach((i, j) => core.mergeNodeAttributes(keys[i]!, { x: x[j]!, y: y[j]! }));
}

/** Ring step of a core's radial start, in the units of the seeded start disc (radius 10·√n). */
const START_STEP = 10;

/**
 * Layout of a large connected component, in place on the start positions `x`, `y`: ForceAtlas2 on the
 * `coreNodes` nodes of highest weighted degree (from a radial start, with half the default iterations),
 * then every other node beside the neighbor that reaches it first breadth-first from the core.
 */
function layoutLarge(input: LayoutInput, x: Float64Array, y: Float64Array, coreNodes: number, iterations: number | undefined, rng: () => number): void {
  const { nodes, sources, targets, weights } = input;
  const n = nodes.length;
  const { neighbors, strength } = adjacency(input);
  const ranked = nodes.map((_, i) => i).sort((a, b) => strength[b]! - strength[a]! || (nodes[a]! < nodes[b]! ? -1 : 1));
  const inCore = new Uint8Array(n);
  const core: Positioned = new Graph({ type: "undirected", multi: false });
  for (const i of ranked.slice(0, coreNodes)) {
    inCore[i] = 1;
    core.addNode(nodes[i]!, { x: x[i]!, y: y[i]!, size: nodeRadius(input.degrees[i]!) });
  }
  for (let p = 0; p < weights.length; p++) {
    if (inCore[sources[p]!] && inCore[targets[p]!]) core.addEdge(nodes[sources[p]!]!, nodes[targets[p]!]!, { weight: weights[p]! });
  }
  radialStart(core);
  runForceAtlas2(core, iterations ?? Math.max(15, Math.floor(defaultIterations(core.order, core.size) / 2)));

  let extent = 1;
  const placed = new Uint8Array(n);
  const queue = ranked.slice(0, coreNodes);
  for (const i of queue) {
    const a = core.getNodeAttributes(nodes[i]!);
    x[i] = a.x;
    y[i] = a.y;
    placed[i] = 1;
    extent = Math.max(extent, Math.hypot(a.x, a.y));
  }
  const spacing = extent / Math.sqrt(core.order);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (const v of neighbors[u]!) {
      if (placed[v]) continue;
      placed[v] = 1;
      queue.push(v);
      const angle = rng() * Math.PI * 2;
      const d = spacing * (0.3 + 0.7 * rng());
      x[v] = x[u]! + d * Math.cos(angle);
      y[v] = y[u]! + d * Math.sin(angle);
    }
  }
}

/** The layout input of one component: its members and the pairs among them, renumbered by `local`. */
function componentInput(input: LayoutInput, members: readonly number[], pairs: readonly number[], local: Int32Array): LayoutInput {
  return {
    nodes: members.map((i) => input.nodes[i]!),
    degrees: Int32Array.from(members, (i) => input.degrees[i]!),
    sources: Int32Array.from(pairs, (p) => local[input.sources[p]!]!),
    targets: Int32Array.from(pairs, (p) => local[input.targets[p]!]!),
    weights: Float64Array.from(pairs, (p) => input.weights[p]!),
  };
}

/** The spacing of a laid-out component's nodes: the side of the square each has to itself on average. */
function meanSpacing(input: LayoutInput, x: Float64Array, y: Float64Array): number {
  const box = boundingBox(input, x, y, 0);
  return Math.sqrt((box.width * box.height) / input.nodes.length);
}

/** Bounding box of a laid-out component, nodes' radii included, with `margin` on every side. */
function boundingBox(input: LayoutInput, x: Float64Array, y: Float64Array, margin: number): { minX: number; minY: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  input.nodes.forEach((_, i) => {
    const r = nodeRadius(input.degrees[i]!) + margin;
    minX = Math.min(minX, x[i]! - r);
    minY = Math.min(minY, y[i]! - r);
    maxX = Math.max(maxX, x[i]! + r);
    maxY = Math.max(maxY, y[i]! + r);
  });
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * What the layout needs of a graph, as plain arrays (so it can be sent to a worker thread): node keys in
 * graph order, each node's degree in the multigraph, and the node pairs its edges join with their summed
 * weights (claims count four times a co-occurrence), in first-seen order.
 */
export interface LayoutInput {
  nodes: string[];
  degrees: Int32Array;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Positions and Louvain community of each node of a `LayoutInput`, in its node order. */
export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
  communities: Int32Array;
}

/** What the layout uses of an edge. */
export interface LayoutEdge {
  source: string;
  target: string;
  relation: RelationType;
  weight: number;
}

/** The layout input of a graph's nodes and edges (each in graph order). */
export function layoutInput(nodes: string[], edges: Iterable<LayoutEdge>): LayoutInput {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const degrees = new Int32Array(nodes.length);
  const pairOf = new Map<number, number>();
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (const edge of edges) {
    const s = index.get(edge.source)!;
    const t = index.get(edge.target)!;
    degrees[s]!++;
    degrees[t]!++;
    const w = edge.relation === "co_occurs" ? edge.weight * 0.5 : edge.weight * 2;
    const key = s < t ? s * nodes.length + t : t * nodes.length + s;
    const pair = pairOf.get(key);
    if (pair !== undefined) weights[pair]! += w;
    else {
      pairOf.set(key, weights.length);
      sources.push(s);
      targets.push(t);
      weights.push(w);
    }
  }
  return { nodes, degrees, sources: Int32Array.from(sources), targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

/** Lay out a graph given as a `LayoutInput`: Louvain communities, then positions. */
export function computeLayout(input: LayoutInput, options: LayoutOptions = {}): LayoutResult {
  const seed = options.seed ?? LAYOUT_DEFAULTS.seed;
  const { nodes, sources, targets, weights } = input;
  const simple = new Graph({ type: "undirected", multi: false });
  for (const node of nodes) simple.addNode(node);
  for (let p = 0; p < weights.length; p++) simple.addEdge(nodes[sources[p]!]!, nodes[targets[p]!]!, { weight: weights[p]! });
  const communities = simple.order > 0 && simple.size > 0 ? louvain(simple, { rng: seededRandom(seed), getEdgeWeight: "weight" }) : {};
  const result: LayoutResult = { x: new Float64Array(nodes.length), y: new Float64Array(nodes.length), communities: new Int32Array(nodes.length) };
  nodes.forEach((node, i) => (result.communities[i] = communities[node] ?? 0));

  // Seeded start positions in a disc.
  const { x, y } = result;
  const rng = seededRandom(seed + 1);
  const radius = Math.sqrt(nodes.length) * 10;
  for (let i = 0; i < nodes.length; i++) {
    const angle = rng() * Math.PI * 2;
    const r = radius * Math.sqrt(rng());
    x[i] = r * Math.cos(angle);
    y[i] = r * Math.sin(angle);
  }
  const coreNodes = options.coreNodes ?? LAYOUT_DEFAULTS.coreNodes;
  const components = connectedComponents(nodes.length, sources, targets);
  const componentOf = new Int32Array(nodes.length);
  const local = new Int32Array(nodes.length);
  components.forEach((members, c) => members.forEach((i, j) => ((componentOf[i] = c), (local[i] = j))));
  const pairs: number[][] = components.map(() => []);
  for (let p = 0; p < weights.length; p++) pairs[componentOf[sources[p]!]!]!.push(p);

  // Each component on its own, the main (largest) one first: its spacing is the step of the others'
  // radial trees and the gap between components, so that the whole picture has one density.
  let step = 1;
  const parts = components.map((members, c) => {
    const part = componentInput(input, members, pairs[c]!, local);
    let cx: Float64Array = Float64Array.from(members, (i) => x[i]!);
    let cy: Float64Array = Float64Array.from(members, (i) => y[i]!);
    if (members.length === 1 || (c > 0 && members.length <= RADIAL_TREE_MAX)) {
      const { neighbors, strength } = adjacency(part);
      ({ x: cx, y: cy } = radialTree(neighbors, strength, step));
    } else if (members.length > coreNodes) layoutLarge(part, cx, cy, coreNodes, options.iterations, rng);
    else layoutForce(part, cx, cy, options.iterations, seed + 2);
    if (c === 0) step = meanSpacing(part, cx, cy);
    return { members, cx, cy, box: boundingBox(part, cx, cy, step / 2) };
  });

  // Packed side by side, the picture centred on the origin.
  const at = packBoxes(parts.map((p) => p.box));
  const right = parts.reduce((max, p, c) => Math.max(max, at[c]!.x + p.box.width), 0);
  const top = parts.reduce((max, p, c) => Math.max(max, at[c]!.y + p.box.height), 0);
  parts.forEach(({ members, cx, cy, box }, c) => {
    const dx = at[c]!.x - box.minX - right / 2;
    const dy = at[c]!.y - box.minY - top / 2;
    members.forEach((i, j) => {
      x[i] = cx[j]! + dx;
      y[i] = cy[j]! + dy;
    });
  });
  return result;
}

/** The viewer attributes of node `i` of a layout. */
function viewerAttributes(input: LayoutInput, result: LayoutResult, i: number, type: EntityType): Pick<NodeAttributes, "x" | "y" | "size" | "color" | "community"> {
  return {
    x: round(result.x[i]!),
    y: round(result.y[i]!),
    size: round(3 + 2.5 * Math.sqrt(input.degrees[i]!)),
    color: TYPE_COLORS[type],
    community: result.communities[i]!,
  };
}

/** Set x, y, size, color and community on the serialized nodes a layout was computed for (in its order). */
export function applyLayout(nodes: { attributes?: NodeAttributes }[], input: LayoutInput, result: LayoutResult): void {
  nodes.forEach((node, i) => {
    if (node.attributes) Object.assign(node.attributes, viewerAttributes(input, result, i, node.attributes.type));
  });
}

/** Set x, y, size, color and community on every node. */
export function layoutGraph(graph: NewsGraph, options: LayoutOptions = {}): void {
  const input = layoutInput(graph.nodes(), graph.mapEdges((_e, a, source, target) => ({ source, target, relation: a.relation, weight: a.weight })));
  const result = computeLayout(input, options);
  input.nodes.forEach((node, i) => graph.mergeNodeAttributes(node, viewerAttributes(input, result, i, graph.getNodeAttribute(node, "type"))));
}
