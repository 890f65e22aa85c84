/**
 * The overview of a graph with several communities and many small components (issue 14, item 1): at
 * first the largest communities are labelled with their best known entities, without overlaps; the
 * labels go when the camera zooms in or an entity is selected; "Show all" draws the small components
 * packed beside the main one (the layout's packing, not a ring around it).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLUSTER_NAMES, writeClusteredGraph } from "./clustered-graph.js";
import { checkPrerequisites, keepScreenshot, search, startViewerSession, tempDir, watchConsole, type ViewerSession } from "./harness.js";
import { decodePng, inkStats } from "./png.js";

const CLUSTER_SIZE = 40;

/** Text and on-screen box of each community label shown. */
async function shownLabels(page: Page): Promise<{ text: string; box: { x: number; y: number; width: number; height: number } }[]> {
  const labels = page.locator("[data-testid='community-labels']:not([hidden]) .community-label:not([hidden])");
  const shown = [];
  for (const label of await labels.all()) shown.push({ text: (await label.textContent()) ?? "", box: (await label.boundingBox())! });
  return shown;
}

describe("viewer overview (community labels, packed components)", () => {
  let graphDir: string;
  let order: number;
  let session: ViewerSession;

  beforeAll(async () => {
    checkPrerequisites();
    graphDir = tempDir("clustered-graph");
    order = writeClusteredGraph(graphDir, { clusterSize: CLUSTER_SIZE, strays: 90, seed: 5 });
    session = await startViewerSession(graphDir);
  });
  afterAll(async () => {
    await session?.close();
    if (graphDir) rmSync(graphDir, { recursive: true, force: true });
  });

  it("labels the communities at low zoom, hides the labels when zoomed in or on a selection", async () => {
    const page = await session.context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${session.url}#limit=${CLUSTER_SIZE * CLUSTER_NAMES.length}`);
    await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });

    await expect.poll(async () => (await shownLabels(page)).length).toBeGreaterThanOrEqual(4);
    const labels = await shownLabels(page);
    // Each names the most mentioned entities of one cluster, best first.
    const clusters = new Set<string>();
    for (const { text } of labels) {
      const match = /^(\w+) 0 · \1 1 · \1 2$/.exec(text);
      if (match) clusters.add(match[1]!);
    }
    expect(clusters.size, labels.map((l) => l.text).join(" | ")).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!.box, labels[j]!.box];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${labels[i]!.text} overlaps ${labels[j]!.text}`).toBe(true);
      }
    }
    await keepScreenshot(page.getByTestId("graph").locator(".."), "overview-labels");

    // Colouring by community puts each community's colour on its label.
    await page.getByTestId("color-by").selectOption("community");
    await expect.poll(() => page.locator(".community-label:not([hidden]) .swatch").count()).toBeGreaterThanOrEqual(4);

    // Zoomed in: no community labels (entity labels take over); zoomed out again: back.
    const box = (await page.getByTestId("graph").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
    await expect.poll(() => page.getByTestId("community-labels").isHidden()).toBe(true);
    await keepScreenshot(page.getByTestId("graph").locator(".."), "overview-zoomed");
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 300);
    await expect.poll(() => page.getByTestId("community-labels").isHidden()).toBe(false);

    // A selection: its neighbours are labelled, communities are not, however far the camera zooms out.
    await search(page, "Orchid 5");
    await expect.poll(() => page.url()).toContain("orchid-5");
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 300);
    await page.waitForTimeout(600);
    expect(await page.getByTestId("community-labels").isHidden()).toBe(true);
    await page.getByTestId("graph").click({ position: { x: 5, y: 5 } }); // the stage clears the selection
    await expect.poll(() => page.getByTestId("community-labels").isHidden()).toBe(false);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("packs the small components beside the main one after 'Show all'", async () => {
    // The layout put every stray component outside the clusters' bounding box (ForceAtlas2 on the whole
    // graph, as before, left them among the clusters).
    const graph = JSON.parse(readFileSync(join(graphDir, "graph.json"), "utf8")) as { nodes: { key: string; attributes: { x: number; y: number; label: string } }[] };
    const main = graph.nodes.filter((n) => !n.attributes.label.startsWith("Stray"));
    const strays = graph.nodes.filter((n) => n.attributes.label.startsWith("Stray"));
    const extent = (nodes: typeof main) => {
      const xs = nodes.map((n) => n.attributes.x);
      const ys = nodes.map((n) => n.attributes.y);
      return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
    };
    const m = extent(main);
    for (const { attributes: a } of strays) expect(a.x < m.minX || a.x > m.maxX || a.y < m.minY || a.y > m.maxY, a.label).toBe(true);

    const page = await session.context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${session.url}#limit=${CLUSTER_SIZE * CLUSTER_NAMES.length}`);
    await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
    await page.getByRole("button", { name: "Show all" }).click();
    await expect.poll(() => page.getByTestId("shown-count").textContent()).toMatch(new RegExp(`^Showing ${order} entities of ${order},`));
    // The clusters keep their labels with the small components drawn too.
    await expect.poll(async () => (await shownLabels(page)).length).toBeGreaterThanOrEqual(4);
    const ink = inkStats(decodePng(await keepScreenshot(page.getByTestId("graph").locator(".."), "overview-all")));
    expect(ink.inkRatio).toBeGreaterThan(0.02);
    await page.close();
    expect(problems).toEqual([]);
  });
});
