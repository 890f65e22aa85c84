/**
 * The k shortest loopless paths between two nodes of an undirected graph with positive link costs, by
 * Yen's algorithm (J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science
 * 17(11), 1971) with Dijkstra spur searches. Output is deterministic: links are tried in the order
 * given, and ties between candidate paths of equal cost go to the smaller sequence of node keys.
 */

/** A link to a neighbor and its cost (> 0). */
export interface Link {
  node: string;
  cost: number;
}

/** The links of a node, in the order they should be tried. */
export type LinkFn = (node: string) => readonly Link[];

const SEP = "\u0000";

export function kShortestPaths(source: string, target: string, k: number, links: LinkFn): string[][] {
  if (k < 1 || source === target) return [];
  const first = cheapestPath(source, target, links, new Set(), new Set());
  if (!first) return [];
  const found = [first.nodes];
  const seen = new Set([first.nodes.join(SEP)]);
  const candidates: { nodes: string[]; cost: number; id: string }[] = [];
  let costs = first.costs;
  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i < last.length - 1; i++) {
      const root = last.slice(0, i + 1);
      // Every link Yen removes starts at the spur node: block those first hops.
      const blocked = new Set<string>();
      for (const path of found) {
        if (path.length > i + 1 && root.every((node, j) => path[j] === node)) blocked.add(path[i + 1]!);
      }
      const spur = cheapestPath(last[i]!, target, links, new Set(root.slice(0, -1)), blocked);
      if (!spur) continue;
      const nodes = [...root.slice(0, -1), ...spur.nodes];
      const id = nodes.join(SEP);
      if (seen.has(id)) continue;
      seen.add(id);
      candidates.push({ nodes, cost: costs[i]! + spur.costs[spur.costs.length - 1]!, id });
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const next = candidates.shift()!;
    found.push(next.nodes);
    costs = cumulativeCosts(next.nodes, links);
  }
  return found;
}

/** Cost from the start to each node of a path. */
function cumulativeCosts(nodes: readonly string[], links: LinkFn): number[] {
  const costs = [0];
  for (let i = 1; i < nodes.length; i++) {
    const link = links(nodes[i - 1]!).find((l) => l.node === nodes[i]);
    costs.push(costs[i - 1]! + link!.cost);
  }
  return costs;
}

/**
 * A cheapest path from `source` to `target` (Dijkstra) that avoids `removed` nodes and leaves `source`
 * through none of the `blocked` neighbors, with the cost to each of its nodes; or undefined.
 */
function cheapestPath(
  source: string,
  target: string,
  links: LinkFn,
  removed: ReadonlySet<string>,
  blocked: ReadonlySet<string>,
): { nodes: string[]; costs: number[] } | undefined {
  const dist = new Map<string, number>([[source, 0]]);
  const parent = new Map<string, string>();
  const settled = new Set<string>();
  const queue = new MinQueue();
  queue.push(0, source);
  for (let item = queue.pop(); item; item = queue.pop()) {
    const [d, node] = item;
    if (settled.has(node)) continue;
    settled.add(node);
    if (node === target) break;
    for (const { node: other, cost } of links(node)) {
      if (settled.has(other) || removed.has(other) || (node === source && blocked.has(other))) continue;
      const next = d + cost;
      if (next < (dist.get(other) ?? Number.POSITIVE_INFINITY)) {
        dist.set(other, next);
        parent.set(other, node);
        queue.push(next, other);
      }
    }
  }
  if (!settled.has(target)) return undefined;
  const nodes = [target];
  while (nodes[0] !== source) nodes.unshift(parent.get(nodes[0]!)!);
  return { nodes, costs: nodes.map((n) => dist.get(n)!) };
}

/** A binary min-heap of (priority, node); equal priorities leave in insertion order. */
class MinQueue {
  private readonly heap: [number, number, string][] = [];
  private seq = 0;

  push(priority: number, node: string): void {
    const heap = this.heap;
    heap.push([priority, this.seq++, node]);
    for (let i = heap.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!less(heap[i]!, heap[up]!)) break;
      [heap[i], heap[up]] = [heap[up]!, heap[i]!];
      i = up;
    }
  }

  pop(): [number, string] | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && less(heap[l]!, heap[min]!)) min = l;
        if (r < heap.length && less(heap[r]!, heap[min]!)) min = r;
        if (min === i) break;
        [heap[i], heap[min]] = [heap[min]!, heap[i]!];
        i = min;
      }
    }
    return [top[0], top[2]];
  }
}

function less(a: [number, number, string], b: [number, number, string]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
