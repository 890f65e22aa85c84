/**
 * Connected components of a graph given as node count and edge end arrays (the layout's plain-array
 * form), by union-find. Used by the layout to lay out each component apart and pack them side by side.
 */

/**
 * The connected components of nodes `0..n-1` joined by the edges `sources[p]`–`targets[p]`: each a list of
 * node indices in increasing order, largest component first (ties: the one holding the lower index).
 */
export function connectedComponents(n: number, sources: ArrayLike<number>, targets: ArrayLike<number>): number[][] {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    // Path compression keeps later finds short.
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (let p = 0; p < sources.length; p++) {
    const a = find(sources[p]!);
    const b = find(targets[p]!);
    // The lower index becomes the root, so roots do not depend on edge order.
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
