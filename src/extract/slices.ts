/**
 * Documents too large to analyse at once (a whole archive pasted into one file, a book converted from
 * PDF) are cut into slices of at most `MAX_SLICE_CHARS`, each at the best boundary of its last half: a
 * blank line, else a line break, else the end of a sentence, else a space, else the limit. The slices
 * are analysed one after the other, so the memory of a document's analysis is bounded by the slice, not
 * the file; the extraction merges them back (limits.ts) with offsets into the whole text. News articles
 * are far smaller (the longest of the BBC corpus has 25,452 characters) and are one slice.
 */

/** The most characters analysed at once. */
export const MAX_SLICE_CHARS = 100_000;

/** Boundaries from best to worst; a slice ends after the match. */
const BOUNDARIES: readonly RegExp[] = [/\n[ \t]*\n/g, /\n/g, /[.!?]["'”’)\]]*\s/g, /\s/g];

/** The end of the slice that starts at `from` (exclusive), at most `max` characters on. */
function sliceEnd(text: string, from: number, max: number): number {
  const floor = from + Math.ceil(max / 2);
  const window = text.slice(floor, from + max);
  for (const re of BOUNDARIES) {
    let end = -1;
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) end = m.index + m[0].length;
    if (end > 0) return floor + end;
  }
  // No boundary at all: cut at the limit, but never between the two halves of a surrogate pair.
  const cut = from + max;
  const code = text.charCodeAt(cut);
  return code >= 0xdc00 && code <= 0xdfff ? cut - 1 : cut;
}

/** The [start, end) character ranges of the slices of a text; one range for a text up to `max` long. */
export function documentSlices(text: string, max: number = MAX_SLICE_CHARS): [number, number][] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer of at least 2 (got ${max})`);
  const out: [number, number][] = [];
  let from = 0;
  while (text.length - from > max) {
    const end = sliceEnd(text, from, max);
    out.push([from, end]);
    from = end;
  }
  out.push([from, text.length]);
  return out;
}
