/**
 * Reads the metadata a plain-text article carries in its first lines: a `date YYYY-MM-DD` prefix, a
 * `(Source)` tag after it, a headline line without final punctuation, and a dateline such as
 * `CITY, Oct 17 (Source) -`. Returns the body text with the metadata removed.
 */

export interface TextMetadata {
  title?: string;
  date?: string;
  source?: string;
  /** Body text: the input with the metadata prefix and headline removed. */
  body: string;
}

const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/i;
const SOURCE_TAG = /^\(([^()\n]{2,40})\)\s*/;
const MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December";
const DATELINE = new RegExp(
  `^\\s*([A-Z][A-Za-z .'-]{1,40}),\\s+(?:${MONTHS})\\.?\\s+\\d{1,2}(?:,\\s*(\\d{4}))?\\s*(?:\\(([^()\\n]{2,40})\\))?\\s*[-–—]+\\s*`,
);
const MAX_HEADLINE = 160;

/** Parse the metadata of a plain-text or Markdown article. */
export function parseTextMetadata(raw: string, markdown = false): TextMetadata {
  const meta: TextMetadata = { body: raw };
  let body = raw.replace(/\r\n?/g, "\n");

  const date = DATE_PREFIX.exec(body);
  if (date) {
    meta.date = date[1];
    body = body.slice(date[0].length);
    const source = SOURCE_TAG.exec(body);
    if (source) {
      meta.source = source[1]!.trim();
      body = body.slice(source[0].length);
    }
  }

  const firstBreak = body.indexOf("\n");
  if (firstBreak > 0) {
    const first = body.slice(0, firstBreak).trim();
    const heading = markdown ? /^#{1,6}\s+(.+)$/.exec(first) : null;
    if (heading) {
      meta.title = heading[1]!.trim();
      body = body.slice(firstBreak + 1);
    } else if (first.length > 0 && first.length <= MAX_HEADLINE && !/[.!?:;,"”]$/.test(first) && !DATELINE.test(first)) {
      meta.title = first;
      body = body.slice(firstBreak + 1);
    }
  }

  const dateline = DATELINE.exec(body);
  if (dateline) {
    if (dateline[3]) meta.source ??= dateline[3].trim();
    body = body.slice(dateline[0].length);
  }

  meta.body = body.replace(/^\s+/, "").replace(/\s+$/, "");
  if (!meta.title) meta.title = fallbackTitle(meta.body);
  return meta;
}

/** A title from the start of the body when the article has no headline. */
export function fallbackTitle(body: string): string {
  const firstSentence = /^[^\n]*?[.!?](?=\s|$)/.exec(body)?.[0] ?? body.split("\n")[0] ?? "";
  const flat = firstSentence.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? flat.slice(0, 97).replace(/\s+\S*$/, "") + "..." : flat;
}

/** Normalize a date string of a record (ISO date or timestamp) to YYYY-MM-DD, or undefined. */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
