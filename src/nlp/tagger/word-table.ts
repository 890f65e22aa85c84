/**
 * The words the taggers have seen, numbered once for both: a word's text is looked up in one Map and its
 * lexical facts computed once, whichever tagger meets it first; each tagger keeps its own facts of a word
 * by that number. The extraction tags a document with the NER tagger, then the POS tagger, passing both the
 * same sentences: the second asks for the numbers of the document the first just asked for, and gets them
 * without a lookup (a string Map lookup per token was a fifth of the POS tagger's time). Short ASCII words
 * are looked up by exact numeric key (short-words.ts), the others in a Map.
 */
import { ShortWords } from "./short-words.js";
import { computeWordInfo, type WordInfo } from "./word-info.js";

export class WordTable {
  /** Facts of the words, by number. */
  readonly infos: WordInfo[] = [];
  /** Times the table was cleared (numbers are reused after a clear). */
  generation = 0;
  private readonly ids = new Map<string, number>();
  private readonly short = new ShortWords();
  /** The document asked for last, and its numbers. */
  private lastDocument: readonly (readonly string[])[] | null = null;
  private lastIds: Int32Array[] = [];

  /** `capacity`: words kept (the table is cleared before a document or sentence once it holds this many). */
  constructor(private readonly capacity = 200_000) {}

  /**
   * Numbers of a document's words, sentence by sentence. Asked again for the same `sentences` array (the
   * other tagger, the document unchanged in between), it returns the same arrays.
   */
  document(sentences: readonly (readonly string[])[]): Int32Array[] {
    if (sentences === this.lastDocument) return this.lastIds;
    this.clearIfFull();
    this.lastDocument = sentences;
    this.lastIds = sentences.map((s) => this.number(s));
    return this.lastIds;
  }

  /** Numbers of one sentence's words. */
  sentence(words: readonly string[]): Int32Array {
    this.clearIfFull();
    this.lastDocument = null;
    return this.number(words);
  }

  private number(words: readonly string[]): Int32Array {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const text = words[i]!;
      if (this.short.pack(text)) {
        let id = this.short.get();
        if (id < 0) this.short.set((id = this.add(text)));
        out[i] = id;
        continue;
      }
      let id = this.ids.get(text);
      if (id === undefined) this.ids.set(text, (id = this.add(text)));
      out[i] = id;
    }
    return out;
  }

  /** Number a new word. */
  private add(text: string): number {
    this.infos.push(computeWordInfo(text));
    return this.infos.length - 1;
  }

  private clearIfFull(): void {
    if (this.infos.length < this.capacity) return;
    this.infos.length = 0;
    this.ids.clear();
    this.short.clear();
    this.generation++;
  }
}
