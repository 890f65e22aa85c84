/**
 * The speed targets of issue 16 ("extraction at the speed of its parts"), as data: each figure the
 * benchmark prints is followed by its target and whether it was met. A target set for one corpus only
 * (the Reuters graph's memory, cold start and add-one) is printed for that corpus only.
 */
import type { CorpusKey } from "./corpus.js";

export type Figure = "buildMs" | "peakRssMb" | "addOneMs" | "coldStartMs" | "compromiseRatio" | "nerTokensPerSecond" | "posTokensPerSecond" | "parseTokensPerSecond";

interface Target {
  figure: Figure;
  /** The corpora it is set for (all when absent). */
  corpora?: CorpusKey[];
  limit: number;
  /** Whether the figure must stay at or under the limit (else reach it). */
  atMost: boolean;
  text: string;
}

const TARGETS: readonly Target[] = [
  { figure: "buildMs", corpora: ["bbc"], limit: 6_000, atMost: true, text: "≤ 6 s" },
  { figure: "buildMs", corpora: ["reuters"], limit: 25_000, atMost: true, text: "≤ 25 s" },
  { figure: "peakRssMb", corpora: ["reuters"], limit: 1_536, atMost: true, text: "≤ 1.5 GB" },
  { figure: "addOneMs", corpora: ["reuters"], limit: 2_000, atMost: true, text: "≤ 2 s" },
  { figure: "coldStartMs", corpora: ["reuters"], limit: 800, atMost: true, text: "≤ 0.8 s" },
  { figure: "compromiseRatio", limit: 4, atMost: false, text: "≥ 4×" },
  { figure: "nerTokensPerSecond", limit: 250_000, atMost: false, text: "≥ 250,000 tokens/s" },
  { figure: "posTokensPerSecond", limit: 250_000, atMost: false, text: "≥ 250,000 tokens/s" },
  { figure: "parseTokensPerSecond", limit: 150_000, atMost: false, text: "≥ 150,000 tokens/s" },
];

/** "target ≤ 6 s: met" (or "missed") for a figure of a corpus; "" when no target is set for it. */
export function verdict(figure: Figure, corpus: CorpusKey, value: number): string {
  const t = TARGETS.find((x) => x.figure === figure && (!x.corpora || x.corpora.includes(corpus)));
  if (!t) return "";
  const met = t.atMost ? value <= t.limit : value >= t.limit;
  return `target ${t.text}: ${met ? "met" : "missed"}`;
}
