/**
 * How good a layout is, measured on the main connected component of a `LayoutInput` by seeded samples, so
 * that layout speed-ups can show they keep the picture: normalised stress against hop distances (Kamada
 * and Kawai's energy, with the best scale), the share of crossing edge pairs, and neighbourhood
 * preservation (the share of a node's nearest nodes on screen that are its graph neighbours).
 */
import { connectedComponents } from "../graph/components.js";
import type { LayoutInput } from "../graph/layout.js";
import { seededRandom } from "../random.js";

export interface LayoutQualityOptions {
  /** BFS sources of the stress sample. */
  stressSources?: number;
  /** Edge pairs tested for a crossing. */
  edgePairs?: number;
  /** Nodes whose nearest neighbours on screen are compared with their graph neighbours. */
  neighbourhoods?: number;
  seed?: number;
}

export const LAYOUT_QUALITY_DEFAULTS = { stressSources: 32, edgePairs: 50_000, neighbourhoods: 300, seed: 7 } as const;

export interface LayoutQuality {
  /** Nodes of the main component, which the figures are about. */
  nodes: number;
  /** Σ(s·‖pi − pj‖ − hops(i, j))² / Σ hops(i, j)² over the sampled pairs, at the scale s that minimises it (0 = perfect). */
  stress: number;
  /** Share of the sampled pairs of edges without a common end that cross. */
  crossings: number;
  /** Mean share of a node's k nearest nodes on screen that are among its k graph neighbours (1 = perfect). */
  neighbourhood: number;
}

/** Segments p1–p2 and p3–p4 cross (properly: touching ends do not count). */
function segmentsCross(x: ArrayLike<number>, y: ArrayLike<number>, a: number, b: number, c: number, d: number): boolean {
  const side = (p: number, q: number, r: number) => Math.sign((x[q]! - x[p]!) * (y[r]! - y[p]!) - (y[q]! - y[p]!) * (x[r]! - x[p]!));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Measure the layout `x`, `y` of `input` (positions in its node order). */
export function layoutQuality(input: LayoutInput, x: ArrayLike<number>, y: ArrayLike<number>, options: LayoutQualityOptions = {}): LayoutQuality {
  const o = { ...LAYOUT_QUALITY_DEFAULTS, ...options };
  const rng = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const { sources, targets } = input;
  const main = connectedComponents(input.nodes.length, sources, targets)[0] ?? [];
  const inMain = new Uint8Array(input.nodes.length);
  for (const i of main) inMain[i] = 1;
  const neighbors: number[][] = input.nodes.map(() => []);
  const edges: number[] = [];
  for (let p = 0; p < sources.length; p++) {
    if (!inMain[sources[p]!]) continue;
    neighbors[sources[p]!]!.push(targets[p]!);
    neighbors[targets[p]!]!.push(sources[p]!);
    edges.push(p);
  }
  const dist = (i: number, j: number) => Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);

  // Stress: hop distances from sampled sources by BFS.
  let de = 0;
  let ee = 0;
  let dd = 0;
  const pairs: [number, number][] = [];
  const hops = new Int32Array(input.nodes.length);
  for (let s = 0; s < o.stressSources && main.length > 1; s++) {
    const source = pick(main);
    hops.fill(-1);
    hops[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const v of neighbors[u]!) {
        if (hops[v] !== -1) continue;
        hops[v] = hops[u]! + 1;
        queue.push(v);
        const d = hops[v]!;
        const e = dist(source, v);
        de += d * e;
        ee += e * e;
        dd += d * d;
        pairs.push([d, e]);
      }
    }
  }
  const scale = ee > 0 ? de / ee : 0;
  let stress = 0;
  for (const [d, e] of pairs) stress += (scale * e - d) ** 2;

  // Crossings among sampled pairs of edges without a common end.
  let tested = 0;
  let crossed = 0;
  for (let k = 0; k < o.edgePairs && edges.length > 1; k++) {
    const p = pick(edges);
    const q = pick(edges);
    const [a, b, c, d] = [sources[p]!, targets[p]!, sources[q]!, targets[q]!];
    if (a === c || a === d || b === c || b === d) continue;
    tested++;
    if (segmentsCross(x, y, a, b, c, d)) crossed++;
  }

  // Neighbourhood preservation: the k = degree nearest nodes of the main component on screen.
  let preserved = 0;
  let sampled = 0;
  for (let k = 0; k < o.neighbourhoods && main.length > 1; k++) {
    const u = pick(main);
    const own = new Set(neighbors[u]!);
    const nearest = main.filter((v) => v !== u).sort((a, b) => dist(u, a) - dist(u, b) || a - b).slice(0, own.size);
    preserved += nearest.filter((v) => own.has(v)).length / own.size;
    sampled++;
  }
  return { nodes: main.length, stress: dd > 0 ? stress / dd : 0, crossings: tested > 0 ? crossed / tested : 0, neighbourhood: sampled > 0 ? preserved / sampled : 0 };
}
