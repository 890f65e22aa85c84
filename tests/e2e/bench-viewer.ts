/**
 * `npm run bench:viewer`: how fast the built viewer is in headless Chromium (software WebGL), on graphs
 * written by the tests' own generator. It prints, for a BBC-sized graph (13,000 entities, 52,000
 * relations of which 45,000 co-occurrence, 2,225 dated documents): first render (median of three cold
 * opens), search-Enter to panel (median over hubs and ordinary entities) and the two-hop step; for a
 * 50,000-entity / 200,000-relation
 * graph: time to open and the longest main-thread block while it loads. Figures are printed against
 * the targets of issue 14; nothing fails on a slow machine. NEWSGRAPH_BENCH_GRAPH=DIR measures a real
 * graph folder instead of the BBC-sized fixture. Not part of `npm test` (run by tests/e2e/bench-viewer.config.ts).
 */
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkPrerequisites, keepScreenshot, startViewerSession, tempDir, watchConsole, type ViewerSession } from "./harness.js";
import { decodePng, inkStats } from "./png.js";
import { writeSyntheticGraph, type SyntheticOptions } from "./synthetic-graph.js";

const BBC_SIZED: SyntheticOptions = { nodes: 13_000, edgesPerNode: 4, documents: 2_225, seed: 14, coOccursShare: 0.87 };
const HUGE: SyntheticOptions = { nodes: 50_000, edgesPerNode: 4, documents: 5_000, seed: 50, coOccursShare: 0.87 };
const TARGETS = { firstRenderMs: 2000, selectMs: 150, expandMs: 300, blockMs: 200 };
/**
 * The BBC-sized graph is opened this many times, each time by a fresh server and browser (nothing cached),
 * and the median first render is held against the target: on a shared machine one open varies by half a
 * second. Every open is printed.
 */
const FIRST_RENDER_OPENS = 3;
/** Pause after each timed gesture so the camera animation and idle work settle. */
const SETTLE_MS = 800;

/** Installed before the page's own scripts: long tasks, and the moment the first frame after load is shown. */
function installProbes(): void {
  const probe = { longtasks: [] as [number, number][], shownAt: -1 };
  (window as unknown as { __bench: typeof probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longtasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
  const watch = (): void => {
    new MutationObserver((_records, observer) => {
      if (document.body.dataset["ready"] !== "true") return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (probe.shownAt = performance.now())));
    }).observe(document.body, { attributes: true, attributeFilter: ["data-ready"] });
  };
  if (document.body) watch();
  else document.addEventListener("DOMContentLoaded", watch);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks while `run` runs, from a Chrome trace: wall time and the thread's own CPU
 * time of each, in ms. CPU time is what the viewer's code and the browser spent on that thread, without
 * the time the thread waited for a core (a machine shared with other work stretches wall times).
 */
async function traceMainTasks(page: Page, run: () => Promise<void>): Promise<{ wall: number; cpu: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (chunk) => events.push(...(chunk.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline", transferMode: "ReportEvents" });
  await run();
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  const mains = new Set(events.filter((e) => e.ph === "M" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const tasks = new Map<string, { wall: number; cpu: number }[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== "X" || e.name !== "ThreadControllerImpl::RunTask" || !mains.has(thread)) continue;
    const list = tasks.get(thread) ?? [];
    list.push({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 });
    tasks.set(thread, list);
  }
  // The page's renderer is the busiest one.
  const busiest = [...tasks.values()].sort((a, b) => b.reduce((t, x) => t + x.wall, 0) - a.reduce((t, x) => t + x.wall, 0))[0];
  return busiest ?? [];
}

interface OpenFigures {
  /** Navigation start to the first frame shown after the viewer is ready, ms. */
  shownMs: number;
  longestBlockMs: number;
  blocksOverTarget: number;
  /** The longest main-thread task by the thread's own CPU time (see traceMainTasks), and how many exceed the target. */
  longestCpuMs: number;
  cpuOverTarget: number;
  /** The longest blocks as "duration@start" (ms from navigation start), to set against the phases. */
  longestBlocks: string;
  /** The app's own phase marks (newsgraph:*), ms from navigation start. */
  marks: Record<string, number>;
}

async function openAndMeasure(session: ViewerSession, name: string): Promise<{ page: Page; problems: string[]; figures: OpenFigures }> {
  const page = await session.context.newPage();
  const problems = watchConsole(page);
  await page.addInitScript(installProbes);
  const tasks = await traceMainTasks(page, async () => {
    await page.goto(session.url);
    await page.waitForSelector("body[data-ready='true']", { timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __bench: { shownAt: number } }).__bench.shownAt >= 0);
  });
  const cpu = tasks.map((t) => t.cpu);
  const figures = await page.evaluate((blockTarget) => {
    const probe = (window as unknown as { __bench: { longtasks: [number, number][]; shownAt: number } }).__bench;
    const durations = probe.longtasks.map(([, duration]) => duration);
    const marks: Record<string, number> = {};
    for (const mark of performance.getEntriesByType("mark")) if (mark.name.startsWith("newsgraph:")) marks[mark.name] = Math.round(mark.startTime);
    return {
      shownMs: Math.round(probe.shownAt),
      longestBlockMs: Math.round(Math.max(0, ...durations)),
      blocksOverTarget: durations.filter((d) => d > blockTarget).length,
      longestBlocks: [...probe.longtasks]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([start, duration]) => `${Math.round(duration)}@${Math.round(start)}`)
        .join(" "),
      marks,
    };
  }, TARGETS.blockMs);
  const traced = { longestCpuMs: Math.round(Math.max(0, ...cpu)), cpuOverTarget: cpu.filter((ms) => ms > TARGETS.blockMs).length };
  const ink = inkStats(decodePng(await keepScreenshot(page.getByTestId("graph"), `bench-${name}`)));
  expect(ink.inkRatio, `${name}: the graph drew nothing`).toBeGreaterThan(0.01);
  return { page, problems, figures: { ...figures, ...traced } };
}

/** Type a label (not timed), then time Enter in the search box until the panel's frame is shown. */
async function timeSearchEnter(page: Page, label: string): Promise<number> {
  const { ms, shown } = await page.evaluate(
    async (text) => {
      // Until the next frame is shown after the work started.
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await frame();
      const started = performance.now();
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
      await frame();
      const ms = performance.now() - started;
      return { ms, shown: document.querySelector('[data-testid="entity-label"]')?.textContent ?? null };
    },
    label,
  );
  expect(shown).toBe(label);
  await page.waitForTimeout(SETTLE_MS);
  return ms;
}

/** Expanding a hub's ego view to 2 hops ("2 hops" in its panel), timed from the click to its frame. */
async function timeTwoHops(page: Page, hubLabel: string): Promise<number> {
  await timeSearchEnter(page, hubLabel);
  const ms = await page.evaluate(async () => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="ego-2"]')!;
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - started;
  });
  await page.waitForTimeout(SETTLE_MS);
  // Back to the whole graph (not timed).
  await page.getByTestId("ego-0").click();
  await page.waitForTimeout(SETTLE_MS);
  return ms;
}

/** Close the panel between measurements (not timed). */
async function clearSelection(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Escape");
  await page.waitForTimeout(SETTLE_MS);
}

/** Labels to search: the three best connected entities, then entities spread over the degree order. */
function sampleLabels(graphDir: string): { hubs: string[]; others: string[] } {
  const graph = JSON.parse(readFileSync(join(graphDir, "graph.json"), "utf8")) as {
    nodes: { key: string; attributes: { label: string } }[];
    edges: { source: string; target: string }[];
  };
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const n of [e.source, e.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const labels = graph.nodes.map((n) => n.attributes.label);
  const unique = new Set(labels.filter((l, i) => labels.indexOf(l) === i && labels.lastIndexOf(l) === i));
  const ordered = graph.nodes
    .filter((n) => unique.has(n.attributes.label))
    .sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0) || (a.key < b.key ? -1 : 1))
    .map((n) => n.attributes.label);
  const others = [0.01, 0.05, 0.2, 0.5, 0.8, 0.99].map((q) => ordered[Math.floor(q * (ordered.length - 1))]!);
  return { hubs: ordered.slice(0, 3), others };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const verdict = (value: number, target: number): string => (value <= target ? "ok" : "MISSED");
const line = (what: string, value: number, target: number, extra = ""): string =>
  `  ${what.padEnd(34)} ${`${Math.round(value)} ms`.padStart(9)}   target ≤ ${target} ms  ${verdict(value, target)}${extra ? `   ${extra}` : ""}`;
const marksText = (marks: Record<string, number>): string =>
  Object.entries(marks)
    .sort((a, b) => a[1] - b[1])
    .map(([name, ms]) => `${name.replace("newsgraph:", "")} ${ms}`)
    .join(", ");

it("measures the viewer on a BBC-sized and a 50,000-entity graph", { timeout: 20 * 60_000 }, async () => {
  checkPrerequisites();
  const report: string[] = [];
  const given = process.env["NEWSGRAPH_BENCH_GRAPH"];
  const bbcDir = given ?? tempDir("bench-bbc");
  const hugeDir = tempDir("bench-huge");
  try {
    if (!given) writeSyntheticGraph(bbcDir, BBC_SIZED);
    const { hubs, others } = sampleLabels(bbcDir);
    const firstRenders: number[] = [];
    for (let open = 1; open < FIRST_RENDER_OPENS; open++) {
      const cold = await startViewerSession(bbcDir);
      try {
        const { page, problems, figures } = await openAndMeasure(cold, `bbc-sized-open-${open}`);
        firstRenders.push(figures.shownMs);
        await page.close();
        expect(problems).toEqual([]);
      } finally {
        await cold.close();
      }
    }
    let session = await startViewerSession(bbcDir);
    try {
      const { page, problems, figures } = await openAndMeasure(session, "bbc-sized");
      firstRenders.push(figures.shownMs);
      await page.waitForTimeout(SETTLE_MS);
      const selects: [string, number][] = [];
      for (const label of [...hubs, ...others]) {
        selects.push([label, await timeSearchEnter(page, label)]);
        await clearSelection(page);
      }
      const twoHops = await timeTwoHops(page, hubs[0]!);
      await keepScreenshot(page, "bench-bbc-sized-two-hops");
      const times = selects.map(([, ms]) => ms);
      report.push(
        `${given ? `graph ${given}` : `BBC-sized fixture (${BBC_SIZED.nodes} entities, ~${BBC_SIZED.nodes * BBC_SIZED.edgesPerNode} relations)`}:`,
        line(`first render (median of ${firstRenders.length} opens)`, median(firstRenders), TARGETS.firstRenderMs, `opens ${firstRenders.join(" / ")} ms; last open: longest block ${figures.longestBlockMs} ms (CPU ${figures.longestCpuMs} ms)`),
        line("select-and-panel (median)", median(times), TARGETS.selectMs, `hubs ${selects.slice(0, 3).map(([, ms]) => Math.round(ms)).join("/")} ms, max ${Math.round(Math.max(...times))} ms`),
        line("expand 2 hops (ego view)", twoHops, TARGETS.expandMs),
        `  phases: ${marksText(figures.marks)}`,
      );
      await page.close();
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }

    writeSyntheticGraph(hugeDir, HUGE);
    session = await startViewerSession(hugeDir, 180_000);
    try {
      const { page, problems, figures } = await openAndMeasure(session, "huge");
      report.push(
        `synthetic ${HUGE.nodes} entities / ${HUGE.nodes * HUGE.edgesPerNode} relations:`,
        `  open (first frame shown)            ${`${figures.shownMs} ms`.padStart(9)}`,
        line("longest main-thread block", figures.longestBlockMs, TARGETS.blockMs, `${figures.blocksOverTarget} blocks over ${TARGETS.blockMs} ms`),
        line("  by the thread's own CPU time", figures.longestCpuMs, TARGETS.blockMs, `${figures.cpuOverTarget} tasks over ${TARGETS.blockMs} ms`),
        `  phases: ${marksText(figures.marks)}`,
        `  longest blocks (ms@start): ${figures.longestBlocks}`,
      );
      await page.close();
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }
  } finally {
    if (!given) rmSync(bbcDir, { recursive: true, force: true });
    rmSync(hugeDir, { recursive: true, force: true });
    const load = loadavg().map((l) => l.toFixed(1)).join(" ");
    console.log(["", `viewer speed (headless Chromium, software WebGL; ${availableParallelism()} cores, load average ${load}):`, ...report, ""].join("\n"));
  }
});
