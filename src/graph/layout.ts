/**
 * Viewer attributes computed at build time, deterministically: Louvain communities (seeded), node size
 * by degree, colour by entity type, and positions from ForceAtlas2 (settings inferred from the graph,
 * seeded start) followed by noverlap. Layout and communities run on a simple weighted undirected
 * projection of the multigraph, which both algorithms expect.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import louvain from "graphology-communities-louvain";
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
}

export const LAYOUT_DEFAULTS = { seed: 42 } as const;

/** Mulberry32: a small seeded PRNG, so layouts and communities are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function defaultIterations(order: number, size: number): number {
  return Math.max(15, Math.min(300, Math.floor(1_500_000 / (order + size + 1))));
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Set x, y, size, color and community on every node. */
export function layoutGraph(graph: NewsGraph, options: LayoutOptions = {}): void {
  const seed = options.seed ?? LAYOUT_DEFAULTS.seed;
  const simple = new Graph({ type: "undirected", multi: false });
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, attr, source, target) => {
    const w = attr.relation === "co_occurs" ? attr.weight * 0.5 : attr.weight * 2;
    if (simple.hasEdge(source, target)) simple.updateEdgeAttribute(source, target, "weight", (x: number) => x + w);
    else simple.addEdge(source, target, { weight: w });
  });

  const communities = simple.order > 0 && simple.size > 0 ? louvain(simple, { rng: seededRandom(seed), getEdgeWeight: "weight" }) : {};

  const rng = seededRandom(seed + 1);
  const radius = Math.sqrt(simple.order) * 10;
  simple.forEachNode((node) => {
    const angle = rng() * Math.PI * 2;
    const r = radius * Math.sqrt(rng());
    simple.mergeNodeAttributes(node, { x: r * Math.cos(angle), y: r * Math.sin(angle), size: 1 + Math.sqrt(graph.degree(node)) });
  });
  if (simple.size > 0) {
    forceAtlas2.assign(simple, {
      iterations: options.iterations ?? defaultIterations(simple.order, simple.size),
      getEdgeWeight: "weight",
      settings: { ...forceAtlas2.inferSettings(simple), barnesHutOptimize: simple.order > 500 },
    });
  }
  noverlap.assign(simple, { maxIterations: simple.order > 5000 ? 20 : 100, settings: { margin: 2, ratio: 1.2 } });

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
