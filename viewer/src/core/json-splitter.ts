/**
 * Splits the text of a JSON object as it arrives, chunk by chunk, without parsing it: the elements of
 * the arrays under the chosen top-level keys come out in batches, as soon as they are complete; every
 * other top-level member comes out whole. The graph loader uses it to hand graph.json over in pieces
 * while it downloads, so that the page can parse and import each batch meanwhile.
 */

/**
 * Consecutive elements of a split array: one slice of the text, from the first element's start to the
 * last one's end (the elements with the commas and white space between them), and where each element
 * starts and ends in it. Whole runs of elements are cut from it without joining them one by one.
 */
export interface ItemBatch {
  text: string;
  starts: number[];
  ends: number[];
}

/** The text of elements `from` to `to` (exclusive, `to` > `from`) of a batch, with the commas between them. */
export function elementsText(batch: ItemBatch, from: number, to: number): string {
  return batch.text.slice(batch.starts[from], batch.ends[to - 1]);
}

/** The JSON text of an array of a batch's elements. */
export function itemsArray(batch: ItemBatch): string {
  return batch.starts.length > 0 ? `[${elementsText(batch, 0, batch.starts.length)}]` : "[]";
}

export interface SplitSink {
  /** A top-level member other than the split arrays: its key and the JSON text of its value. */
  member(key: string, json: string): void;
  /** Elements of a split array, in order. */
  items(key: string, batch: ItemBatch): void;
  /** A split array is complete (after its last items). */
  arrayEnd(key: string): void;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonSplitter {
  readonly #arrays: ReadonlySet<string>;
  readonly #batchSize: number;
  readonly #sink: SplitSink;
  /** Text not yet let go of, starting at absolute position `#base`. */
  #text = "";
  #base = 0;
  /** Absolute position up to which the text has been read. */
  #scanned = 0;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #expectKey = false;
  #keyStart = -1;
  #key = "";
  /** Where the current member's value starts (-2: after its colon, not started yet; -1: none). */
  #valueStart = -1;
  #inItems = false;
  #itemStart = -1;
  /** Absolute positions of the current batch's elements (its text is kept from the first start). */
  #starts: number[] = [];
  #ends: number[] = [];
  #ended = false;

  constructor(arrays: Iterable<string>, batchSize: number, sink: SplitSink) {
    this.#arrays = new Set(arrays);
    this.#batchSize = batchSize;
    this.#sink = sink;
  }

  /** Take the next piece of text. */
  push(chunk: string): void {
    const keep = Math.min(...[this.#keyStart, this.#valueStart, this.#itemStart, this.#starts[0] ?? -1].filter((i) => i >= 0), this.#base + this.#text.length);
    this.#text = this.#text.slice(keep - this.#base) + chunk;
    this.#base = keep;
    const text = this.#text;
    const base = this.#base;
    for (let at = Math.max(0, this.#scanned - base); at < text.length; at++) {
      if (this.#inString) {
        // Most of the text is inside strings: jump to their closing quote.
        const close = this.#closingQuote(text, at);
        if (close < 0) break;
        at = close;
        this.#inString = false;
        if (this.#keyStart >= 0) {
          this.#key = JSON.parse(text.slice(this.#keyStart - base, at + 1)) as string;
          this.#keyStart = -1;
        }
        continue;
      }
      const c = text.charCodeAt(at);
      const i = base + at;
      if (isSpace(c)) continue;
      if (this.#ended) throw new Error("JSON text goes on after its end");
      if (this.#depth === 1) {
        if (this.#expectKey && c === QUOTE) {
          this.#expectKey = false;
          this.#keyStart = i;
          this.#inString = true;
          continue;
        }
        if (c === COLON) {
          this.#valueStart = -2;
          continue;
        }
        if (c === COMMA || c === CLOSE_BRACE) {
          this.#endMember(text.slice(this.#valueStart - base, at));
          this.#expectKey = true;
          if (c === CLOSE_BRACE) {
            this.#depth = 0;
            this.#ended = true;
          }
          continue;
        }
        if (this.#valueStart === -2) {
          // A split array's text is let go of item by item: its start is not kept.
          this.#inItems = c === OPEN_BRACKET && this.#arrays.has(this.#key);
          this.#valueStart = this.#inItems ? -1 : i;
        }
      } else if (this.#depth === 2 && this.#inItems) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (this.#itemStart >= 0) this.#addItem(this.#itemStart, i);
          this.#itemStart = -1;
          if (c === CLOSE_BRACKET) {
            this.#flush();
            this.#sink.arrayEnd(this.#key);
            this.#inItems = false;
            this.#depth = 1;
          }
          continue;
        }
        if (this.#itemStart < 0) this.#itemStart = i;
      } else if (this.#depth === 0) {
        if (c !== OPEN_BRACE) throw new Error("graph JSON is not an object");
        this.#depth = 1;
        this.#expectKey = true;
        continue;
      }
      if (c === QUOTE) this.#inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.#depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.#depth--;
    }
    this.#scanned = base + text.length;
  }

  /**
   * Where the string being read closes in `text`, looking from `from` (a character escaped at the end of
   * the previous chunk comes first), or -1 when it goes on past the text: then whether its last
   * character escapes the next one is kept.
   */
  #closingQuote(text: string, from: number): number {
    let at = from;
    if (this.#escaped) {
      this.#escaped = false;
      at++;
    }
    for (;;) {
      const quote = text.indexOf('"', at);
      const end = quote < 0 ? text.length : quote;
      // An odd run of backslashes before it escapes the quote (or, at the end, the next chunk's first character).
      let backslashes = 0;
      while (end - backslashes - 1 >= at && text.charCodeAt(end - backslashes - 1) === BACKSLASH) backslashes++;
      if (quote < 0) {
        this.#escaped = backslashes % 2 === 1;
        return -1;
      }
      if (backslashes % 2 === 0) return quote;
      at = quote + 1;
    }
  }

  /** Characters read but kept back: the start of what is not complete yet (an unfinished item, key or member). */
  get held(): number {
    return this.#text.length;
  }

  /** The text is complete: fails when the object is not closed. */
  end(): void {
    if (!this.#ended) throw new Error("graph JSON ends too early");
  }

  #endMember(json: string): void {
    // A split array was handed over item by item; an empty object has no member.
    if (this.#valueStart >= 0) this.#sink.member(this.#key, json.trim());
    this.#valueStart = -1;
  }

  /** An element from absolute position `start` up to `end` (the comma or bracket after it, where white space may precede). */
  #addItem(start: number, end: number): void {
    let last = end - this.#base;
    while (isSpace(this.#text.charCodeAt(last - 1))) last--;
    this.#starts.push(start);
    this.#ends.push(last + this.#base);
    if (this.#starts.length >= this.#batchSize) this.#flush();
  }

  #flush(): void {
    if (this.#starts.length === 0) return;
    const first = this.#starts[0]!;
    const text = this.#text.slice(first - this.#base, this.#ends[this.#ends.length - 1]! - this.#base);
    const starts = this.#starts.map((at) => at - first);
    const ends = this.#ends.map((at) => at - first);
    this.#starts = [];
    this.#ends = [];
    this.#sink.items(this.#key, { text, starts, ends });
  }
}
