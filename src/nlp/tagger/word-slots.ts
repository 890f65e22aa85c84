/**
 * Bookkeeping of the taggers' per-word caches: slot 0 holds the sentence padding, slot i (i ≥ 1) the
 * featurizer's vocabulary word i - 1. Slots are filled as the vocabulary grows, and all of them again
 * once the featurizer has cleared its vocabulary (a new generation).
 */
export class WordSlots<W> {
  private filled = 0;
  private generation = 0;

  /** `fill(word, slot)` writes a slot's cache entry (word null: the padding), growing the pools as needed. */
  constructor(private readonly fill: (w: W | null, slot: number) => void) {
    this.fill(null, this.filled++);
  }

  /** Fill the slots of the words new in `vocabulary` (all of them when `generation` has changed). */
  catchUp(vocabulary: readonly W[], generation: number): void {
    if (this.generation !== generation) {
      this.generation = generation;
      this.filled = 1;
    }
    while (this.filled <= vocabulary.length) this.fill(vocabulary[this.filled - 1]!, this.filled++);
  }
}
