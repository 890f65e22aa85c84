/**
 * Cut a document text into segments for the reader: plain text, entity mentions (those of the focused
 * entity flagged), and the quoted evidence sentence when the reader was opened from one. The DOM layer
 * turns segments into text nodes, so article text is never parsed as HTML.
 */
import type { TextMention } from "./model.js";

export interface TextSegment {
  text: string;
  start: number;
  /** The entity mentioned by this segment, if any. */
  node: string | null;
  /** The mention is of the focused entity. */
  focus: boolean;
  /** The segment lies inside the highlighted range (an evidence sentence). */
  inRange: boolean;
}

export interface Range {
  start: number;
  end: number;
}

/** Mentions sorted by position, dropping any that overlaps an earlier (or longer, same-start) one. */
export function nonOverlapping(mentions: readonly TextMention[], length: number): TextMention[] {
  const sorted = mentions
    .filter((m) => m.start >= 0 && m.end <= length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.node < b.node ? -1 : 1));
  const kept: TextMention[] = [];
  let end = 0;
  for (const m of sorted) {
    if (m.start < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

export function segmentText(
  text: string,
  mentions: readonly TextMention[],
  focusNode: string | null,
  range: Range | null = null,
): TextSegment[] {
  const kept = nonOverlapping(mentions, text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const m of kept) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (range) {
    cuts.add(Math.max(0, Math.min(text.length, range.start)));
    cuts.add(Math.max(0, Math.min(text.length, range.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  let mi = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (mi < kept.length && kept[mi]!.end <= start) mi += 1;
    const mention = mi < kept.length && kept[mi]!.start <= start ? kept[mi]! : null;
    const node = mention?.node ?? null;
    segments.push({
      text: text.slice(start, end),
      start,
      node,
      focus: node !== null && node === focusNode,
      inRange: range !== null && start >= range.start && end <= range.end,
    });
  }
  return segments;
}
