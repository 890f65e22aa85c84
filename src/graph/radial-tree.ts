/**
 * A cheap deterministic layout for a small connected component: a radial tree (breadth first from its
 * strongest node, which sits at the centre; each node's children share its angular sector in proportion
 * to the leaves below them; depth d on a ring of radius about d steps, widened so that a ring's nodes
 * stay a step apart).
 */

/**
 * Positions of the nodes `0..n-1` of a connected component, given each node's neighbors and strength
 * (summed edge weight). Stronger nodes come first among siblings; ties go to the lower index.
 */
export function radialTree(neighbors: readonly (readonly number[])[], strength: ArrayLike<number>, step: number): { x: Float64Array; y: Float64Array } {
  const n = neighbors.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n <= 1) return { x, y };
  const stronger = (a: number, b: number) => strength[b]! - strength[a]! || a - b;
  const root = Array.from({ length: n }, (_, i) => i).sort(stronger)[0]!;

  // Breadth-first tree.
  const depth = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  const order = [root];
  depth[root] = 0;
  for (let head = 0; head < order.length; head++) {
    const u = order[head]!;
    for (const v of [...neighbors[u]!].sort(stronger)) {
      if (depth[v] !== -1) continue;
      depth[v] = depth[u]! + 1;
      children[u]!.push(v);
      order.push(v);
    }
  }

  // Leaves under each node, and ring radii wide enough for each depth's nodes.
  const leaves = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k]!;
    leaves[u] = children[u]!.length === 0 ? 1 : children[u]!.reduce((sum, c) => sum + leaves[c]!, 0);
  }
  const perDepth: number[] = [];
  for (const u of order) perDepth[depth[u]!] = (perDepth[depth[u]!] ?? 0) + 1;
  const radius: number[] = [0];
  for (let d = 1; d < perDepth.length; d++) radius[d] = Math.max(radius[d - 1]! + step, (perDepth[d]! * step) / (2 * Math.PI));

  // Sectors, from the root down.
  const from = new Float64Array(n);
  const span = new Float64Array(n);
  span[root] = 2 * Math.PI;
  for (const u of order) {
    let start = from[u]!;
    for (const c of children[u]!) {
      from[c] = start;
      span[c] = (span[u]! * leaves[c]!) / leaves[u]!;
      start += span[c]!;
    }
    if (u === root) continue;
    const angle = from[u]! + span[u]! / 2;
    x[u] = radius[depth[u]!]! * Math.cos(angle);
    y[u] = radius[depth[u]!]! * Math.sin(angle);
  }
  return { x, y };
}
