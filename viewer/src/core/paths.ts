/**
 * "Path to…" in the viewer: the k shortest paths between two entities, found by the very search
 * `newsgraph path` runs (src/query/path-search.ts: facts only unless `any`, shortest by hops, best
 * supported among equals), each hop with the edge it shows and how that edge reads from the hop's start.
 */
import { DEFAULT_PATH_COUNT, pathLinks, shortestPaths, type PathLinks } from "../../../src/query/path-search.js";
import type { Modality, RelationType, ViewerGraph } from "./model.js";
import type { Direction } from "./relations.js";

export interface PathHopView {
  from: string;
  to: string;
  edge: string;
  relation: RelationType;
  /** The edge seen from `from`: `out` (from → to), `in` (to → from) or `both` (symmetric). */
  direction: Direction;
  negated: boolean;
  modality: Modality;
}

export interface PathsView {
  from: string;
  to: string;
  /** Shortest first; empty when the two are not connected. */
  paths: PathHopView[][];
  /** Every entity and every shown edge on some path. */
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Path indexes of a graph, built on first use (one for facts, one for `any`). */
export interface PathFinder {
  find(from: string, to: string, any: boolean, k?: number): PathsView;
}

export function createPathFinder(graph: ViewerGraph): PathFinder {
  const indexes = new Map<boolean, PathLinks>();
  return {
    find(from, to, any, k = DEFAULT_PATH_COUNT) {
      let links = indexes.get(any);
      if (!links) {
        links = pathLinks(graph, any);
        indexes.set(any, links);
      }
      return pathsView(graph, from, to, links, k);
    },
  };
}

/** The k shortest paths between two entities over prepared links. */
export function pathsView(graph: ViewerGraph, from: string, to: string, links: PathLinks, k: number): PathsView {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const paths = shortestPaths(links, from, to, k).map((found) =>
    found.hops.map((between, i): PathHopView => {
      const hopFrom = found.nodes[i]!;
      const edge = between[0]!;
      const attrs = graph.getEdgeAttributes(edge);
      nodes.add(hopFrom);
      edges.add(edge);
      return {
        from: hopFrom,
        to: found.nodes[i + 1]!,
        edge,
        relation: attrs.relation,
        direction: graph.isUndirected(edge) ? "both" : graph.source(edge) === hopFrom ? "out" : "in",
        negated: attrs.negated,
        modality: attrs.modality ?? "asserted",
      };
    }),
  );
  if (paths.length > 0) nodes.add(to);
  return { from, to, paths, nodes, edges };
}
