/**
 * The pipeline users run, stage by stage, on one core: a build in process (`--workers 1`, no cache) with
 * a stage clock attached, so each stage's time and tokens per second come from the build itself (read
 * timed as a pass of its own), next to compromise's people/organizations/places over the same texts on
 * the same core. Tokens are the pipeline's own (those its tokenizer gives the taggers) over the distinct
 * texts, which are what the build extracts and what compromise is given; the parser's speed is also
 * given over the tokens it actually parsed (sentences a rule or a claim quality read).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import nlp from "compromise";
import { readDocuments } from "../corpus/read.js";
import { formatTable } from "../cli/output.js";
import { build, type StageTimes } from "../pipeline/build.js";
import { EXTRACTION_STAGES, StageClock, type StageTotal } from "../pipeline/stage-clock.js";
import type { BenchCorpus } from "./corpus.js";
import { processCpuMs, threadCpuClock } from "./cpu-clocks.js";
import { verdict, type Figure } from "./targets.js";

/** What the clock measures: wall time, or CPU time (see `clocksOf`). */
export type ClockKind = "wall" | "cpu";

/**
 * The clocks of a stages bench: `stage` times the read pass, the extraction's stages and compromise,
 * `build` the build's own stages. For CPU time, the stages are charged the extracting thread's own CPU
 * where the platform gives it (so V8's background threads are charged to none of them but to the rest of
 * the extraction), the build's stages (which overlap the layout thread) the whole process's.
 */
function clocksOf(kind: ClockKind): { stage: () => number; build: () => number; threadOnly: boolean } {
  if (kind === "wall") {
    const wall = () => performance.now();
    return { stage: wall, build: wall, threadOnly: false };
  }
  const thread = threadCpuClock();
  return { stage: thread ?? processCpuMs, build: processCpuMs, threadOnly: thread !== null };
}

export interface StageBench {
  corpus: BenchCorpus;
  clock: ClockKind;
  /** Whether the stages were charged their thread's own CPU time (else the process's). */
  threadOnly: boolean;
  documents: number;
  /** Distinct texts: those extracted (and given to compromise). */
  texts: number;
  bytes: number;
  /** Read as a pass of its own: files to Documents. */
  readMs: number;
  /** The clock's totals: model loading ("load") and the extraction stages. */
  extraction: Map<string, StageTotal>;
  /** The build's own stage times (its extract stage holds reading, loading and extraction). */
  build: StageTimes;
  buildMs: number;
  /** The one-core build's wall time and the process's CPU time over it. */
  wallMs: number;
  cpuMs: number;
  /** compromise's people, organizations and places over the same texts. */
  compromiseMs: number;
}

/** Build the corpus input in process with a stage clock (into a folder under `work`), then run compromise over the same texts. */
export async function benchStages(corpus: BenchCorpus, input: string, kind: ClockKind, work: string): Promise<StageBench> {
  const { stage: now, build: buildNow, threadOnly } = clocksOf(kind);
  // The read pass keeps the distinct texts for compromise: the build extracts each distinct text once.
  const texts = new Map<string, string>();
  let documents = 0;
  let bytes = 0;
  let t = now();
  for await (const doc of readDocuments([input])) {
    documents++;
    texts.set(doc.sha256, doc.text);
    bytes += Buffer.byteLength(doc.text);
  }
  const readMs = now() - t;

  const out = mkdtempSync(join(work, `stages-${corpus.key}-`));
  const clock = new StageClock(now);
  const cpu0 = processCpuMs();
  const wall0 = performance.now();
  const summary = await build([input], { out, workers: 1, cache: false, clock }, buildNow).finally(() => rmSync(out, { recursive: true, force: true }));
  const wallMs = performance.now() - wall0;
  const cpuMs = processCpuMs() - cpu0;

  t = now();
  for (const text of texts.values()) {
    const parsed = nlp(text);
    parsed.people().out("array");
    parsed.organizations().out("array");
    parsed.places().out("array");
  }
  const compromiseMs = now() - t;

  return { corpus, clock: kind, threadOnly, documents, texts: texts.size, bytes, readMs, extraction: clock.stages(), build: summary.stages, buildMs: summary.ms, wallMs, cpuMs, compromiseMs };
}

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const secs = (ms: number) => (ms / 1000).toFixed(2);

/** Tokens the pipeline gave the taggers (those of the distinct texts), and the time of the extraction stages proper (no reading, loading or caching). */
function extractionFigures(b: StageBench): { tokens: number; parsedTokens: number; parsedSentences: number; ms: number } {
  const get = (stage: string) => b.extraction.get(stage) ?? { ms: 0, tokens: 0, runs: 0 };
  let ms = 0;
  for (const stage of EXTRACTION_STAGES) ms += get(stage).ms;
  return { tokens: get("tokenize").tokens, parsedTokens: get("parse").tokens, parsedSentences: get("parse").runs, ms };
}

/** The report of one corpus: a table of stages, then the comparison with compromise. */
export function formatStageBench(b: StageBench): string {
  const x = extractionFigures(b);
  const stage = (name: string) => b.extraction.get(name)?.ms ?? 0;
  let clocked = 0;
  for (const t of b.extraction.values()) clocked += t.ms;
  const unit = b.clock === "wall" ? "s" : "CPU s";
  const charged = b.clock === "wall" ? "" : b.threadOnly ? " (stages: their thread's own CPU; build stages: the process's)" : " (of the whole process: no thread CPU clock here)";
  const rows: (string | number)[][] = [];
  const row = (name: string, ms: number, figure?: Figure, note = "") => {
    const perSecond = x.tokens / (ms / 1000);
    rows.push([name, secs(ms), `${((100 * ms) / b.buildMs).toFixed(1)}%`, n(perSecond), [figure ? verdict(figure, b.corpus.key, perSecond) : "", note].filter(Boolean).join("; ")]);
  };
  const parse = b.extraction.get("parse");
  row("read (own pass)", b.readMs);
  row("load models", stage("load"));
  row("tokenize", stage("tokenize"));
  row("POS", stage("pos"), "posTokensPerSecond");
  row("NER", stage("ner"), "nerTokensPerSecond");
  const parsedRate = x.parsedTokens / (stage("parse") / 1000);
  row("parse", stage("parse"), undefined, parse ? `${n(x.parsedSentences)} sentences, ${n(x.parsedTokens)} tokens parsed: ${n(parsedRate)} tokens/s, ${verdict("parseTokensPerSecond", b.corpus.key, parsedRate)}` : "nothing parsed");
  row("mentions", stage("mentions"), undefined, "mentions, resolution in the document, coreference");
  row("relations", stage("relations"), undefined, "rules and decision");
  row("rest of extract", b.build.extract - clocked - b.readMs, undefined, `cache entries, MinHash, spool${b.threadOnly ? "; V8's background threads during extraction" : ""}`);
  row("resolve", b.build.resolve);
  row("assemble", b.build.assemble);
  row("layout", b.build.layout, undefined, "own thread, while writing");
  row("write", b.build.write);
  row("build", b.buildMs);
  const oursPerSecond = x.tokens / (x.ms / 1000);
  const theirsPerSecond = x.tokens / (b.compromiseMs / 1000);
  const ratio = b.compromiseMs / x.ms;
  return [
    `${b.corpus.name}: ${n(b.documents)} documents, ${(b.bytes / 1e6).toFixed(2)} MB of text; ${n(b.texts)} distinct texts extracted, ${n(x.tokens)} tokens; one core, in process (--workers 1, no cache), times in ${unit}${charged}`,
    formatTable(["stage", unit, "share", "tokens/s", "target / note"], rows),
    `one-core build: ${secs(b.wallMs)} s wall, ${secs(b.cpuMs)} CPU s (${(b.cpuMs / b.wallMs).toFixed(2)} cores busy)`,
    `same texts, one core: newsgraph extraction (tokenize to relations) ${secs(x.ms)} ${unit}, ${n(oursPerSecond)} tokens/s; ` +
      `compromise people/organizations/places ${secs(b.compromiseMs)} ${unit}, ${n(theirsPerSecond)} tokens/s; ratio ${ratio.toFixed(2)}× (${verdict("compromiseRatio", b.corpus.key, ratio)})`,
  ].join("\n");
}
