/**
 * Co-occurrences in headless Chromium, on a synthetic graph where most relations are co-occurrences: the
 * viewer opens without them in its graph (they come in after the first frame, or at the first change of
 * the view), yet counts them from the start, brings every one back when switched on (the GEXF export
 * holds them all), and a hub's panel and ego view through them are those of the whole graph, whether the
 * hub is selected by the URL at load or by a search right after it.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPrerequisites, search, startViewerSession, tempDir, watchConsole, type ViewerSession } from "./harness.js";
import { writeSyntheticGraph } from "./synthetic-graph.js";

/** Fewer entities than the viewer draws at first: every entity is shown. */
const NODES = 800;

interface Expected {
  typed: number;
  total: number;
  /** A co-occurrence's key. */
  coKey: string;
  hub: { key: string; label: string; coOccurrences: number; egoEntities: number; egoRelations: number };
}

/** What the graph folder holds, read apart from the viewer. */
function expectedOf(dir: string): Expected {
  const graph = JSON.parse(readFileSync(join(dir, "graph.json"), "utf8")) as {
    nodes: { key: string; attributes: { label: string } }[];
    edges: { key: string; source: string; target: string; attributes: { relation: string } }[];
  };
  const co = graph.edges.filter((e) => e.attributes.relation === "co_occurs");
  const coCount = new Map<string, number>();
  for (const e of co) for (const n of new Set([e.source, e.target])) coCount.set(n, (coCount.get(n) ?? 0) + 1);
  const hub = graph.nodes.reduce((best, n) => ((coCount.get(n.key) ?? 0) > (coCount.get(best.key) ?? 0) ? n : best));
  const ego = new Set([hub.key]);
  for (const e of graph.edges) if (e.source === hub.key || e.target === hub.key) ego.add(e.source).add(e.target);
  return {
    typed: graph.edges.length - co.length,
    total: graph.edges.length,
    coKey: co[0]!.key,
    hub: {
      key: hub.key,
      label: hub.attributes.label,
      coOccurrences: coCount.get(hub.key)!,
      egoEntities: ego.size,
      egoRelations: graph.edges.filter((e) => ego.has(e.source) && ego.has(e.target)).length,
    },
  };
}

const count = (n: number): string => n.toLocaleString("en-US");

describe("viewer with most relations co-occurrences", () => {
  let graphDir: string;
  let session: ViewerSession;
  let expected: Expected;

  beforeAll(async () => {
    checkPrerequisites();
    graphDir = tempDir("co-occurrences");
    writeSyntheticGraph(graphDir, { nodes: NODES, edgesPerNode: 4, documents: 100, seed: 21, coOccursShare: 0.87 });
    expected = expectedOf(graphDir);
    session = await startViewerSession(graphDir);
  });
  afterAll(async () => {
    await session?.close();
    if (graphDir) rmSync(graphDir, { recursive: true, force: true });
  });

  async function open(hash = ""): Promise<{ page: Page; problems: string[] }> {
    const page = await session.context.newPage();
    const problems = watchConsole(page);
    await page.goto(session.url + hash);
    await page.waitForSelector("body[data-ready='true']", { timeout: 60_000 });
    return { page, problems };
  }

  it("counts them from the start and brings every one back when switched on", async () => {
    const { page, problems } = await open();
    const shown = () => page.getByTestId("shown-count").textContent();
    expect(await page.getByTestId("overview").textContent()).toContain(`${count(expected.total)} relations`);
    expect(await page.locator('[data-testid="filters"] .check', { hasText: "co-occurrence" }).locator(".count").textContent()).toBe(String(expected.total - expected.typed));
    expect(await shown()).toBe(`Showing ${NODES} entities of ${NODES}, ${count(expected.typed)} relations.`);

    await page.getByTestId("filter-cooccurs").check();
    await expect.poll(shown).toBe(`Showing ${NODES} entities of ${NODES}, ${count(expected.total)} relations.`);
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-gexf").click();
    const gexf = readFileSync((await (await downloading).path())!, "utf8");
    expect([...gexf.matchAll(/<edge /g)].length).toBe(expected.total);
    expect(gexf).toMatch(new RegExp(`<edge [^>]*id="${expected.coKey}"`));

    await page.getByTestId("filter-cooccurs").uncheck();
    await expect.poll(shown).toBe(`Showing ${NODES} entities of ${NODES}, ${count(expected.typed)} relations.`);
    await page.close();
    expect(problems).toEqual([]);
  });

  /**
   * The hub's panel counts its co-occurrences as hidden, lists them once switched on (25, then all on
   * demand), and its ego view goes through them.
   */
  async function checkHub(page: Page): Promise<void> {
    const panel = page.getByTestId("entity-panel");
    await expect.poll(() => panel.getByTestId("entity-label").textContent()).toBe(expected.hub.label);
    expect(await panel.locator(".relations").textContent()).toContain(`${count(expected.hub.coOccurrences)} relations hidden by the filters.`);
    await page.getByTestId("filter-cooccurs").check();
    const group = panel.locator('.relation-group[data-relation="co_occurs"]');
    await expect.poll(() => group.locator("summary .count").textContent()).toBe(String(expected.hub.coOccurrences));
    // A long group lists its strongest relations first, the rest on demand.
    await group.locator("summary").click();
    const listed = group.getByTestId("relation");
    await expect.poll(() => listed.count()).toBe(25);
    await group.getByTestId("more-relations").click();
    await expect.poll(() => listed.count()).toBe(expected.hub.coOccurrences);
    await page.getByTestId("ego-1").click();
    await expect
      .poll(() => page.getByTestId("shown-count").textContent())
      .toBe(`Showing ${count(expected.hub.egoEntities)} entities of ${NODES}, ${count(expected.hub.egoRelations)} relations.`);
    // Exploring around the entity keeps its relations as listed.
    expect(await listed.count()).toBe(expected.hub.coOccurrences);
  }

  it("shows a hub selected by the URL at load as the whole graph has it", async () => {
    const { page, problems } = await open(`#node=${expected.hub.key}`);
    await checkHub(page);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("shows a hub searched for right after the page opens as the whole graph has it", async () => {
    const { page, problems } = await open();
    await search(page, expected.hub.label);
    await checkHub(page);
    await page.close();
    expect(problems).toEqual([]);
  });
});
