/**
 * Counts each entity's distinct neighbours from the pairs of entities its relations link, with entities
 * as positions in the node list: pairs are packed into one number each and sorted, so that counting is a
 * walk along the sorted list instead of a set of neighbours per entity (the graph index counts the
 * neighbours of every entity, tens of thousands of relations, before the first frame).
 */
export class NeighbourPairs {
  readonly #nodeCount: number;
  #pairs = new Float64Array(1024);
  #size = 0;

  constructor(nodeCount: number) {
    this.#nodeCount = nodeCount;
  }

  /** `a` and `b` are neighbours (each of the other; an entity linked to itself is its own neighbour). */
  link(a: number, b: number): void {
    if (this.#size + 2 > this.#pairs.length) {
      const grown = new Float64Array(this.#pairs.length * 2);
      grown.set(this.#pairs);
      this.#pairs = grown;
    }
    this.#pairs[this.#size++] = a * this.#nodeCount + b;
    this.#pairs[this.#size++] = b * this.#nodeCount + a;
  }

  /** How many distinct neighbours each entity has, by position. */
  counts(): Uint32Array {
    const counts = new Uint32Array(this.#nodeCount);
    const sorted = this.#pairs.subarray(0, this.#size).sort();
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) continue;
      counts[Math.floor(sorted[i]! / this.#nodeCount)]!++;
    }
    return counts;
  }
}
