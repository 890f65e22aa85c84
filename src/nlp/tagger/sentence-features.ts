/**
 * The feature buffer of one sentence: for each token its static feature keys (everything that does not
 * depend on the tags being decoded) and two word hashes that the decoder conjoins with the previous tag.
 * Buffers grow as needed and are reused between sentences.
 */
import { featureKey, featureKey2 } from "./hash.js";

export class SentenceFeatures {
  /** Number of tokens. */
  n = 0;
  /** Static keys of token i are keys[starts[i] .. starts[i+1]). */
  keys = new Int32Array(4096);
  starts = new Int32Array(129);
  /** Hashes conjoined with the previous tag (the word's key and its short shape for NER). */
  conjA = new Int32Array(128);
  conjB = new Int32Array(128);
  /** End of token i's core features (see markCore); equals starts[i + 1] when none were marked. */
  cores = new Int32Array(128);
  private fill = 0;

  /** Start a sentence of n tokens. */
  reset(n: number): void {
    this.n = n;
    this.fill = 0;
    if (this.starts.length < n + 1) {
      this.starts = new Int32Array(2 * n + 1);
      this.conjA = new Int32Array(2 * n);
      this.conjB = new Int32Array(2 * n);
      this.cores = new Int32Array(2 * n);
    }
  }

  /** Start the features of token i (tokens are filled in order). */
  begin(i: number): void {
    this.starts[i] = this.fill;
    this.cores[i] = -1;
  }

  /** Mark the features of token i added so far as its core features. */
  markCore(i: number): void {
    this.cores[i] = this.fill;
  }

  /** Close the sentence after its last token. */
  end(): void {
    this.starts[this.n] = this.fill;
    for (let i = 0; i < this.n; i++) if (this.cores[i] === -1) this.cores[i] = this.starts[i + 1]!;
  }

  add(key: number): void {
    if (this.fill === this.keys.length) {
      const bigger = new Int32Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.fill++] = key;
  }

  /** Add the feature (template, value). */
  f(template: number, value: number): void {
    this.add(featureKey(template, value));
  }

  /** Add the feature (template, a, b). */
  f2(template: number, a: number, b: number): void {
    this.add(featureKey2(template, a, b));
  }
}
