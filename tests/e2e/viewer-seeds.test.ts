/**
 * The checks of the viewer issue, end to end as a user meets them: build the sample articles with the
 * compiled CLI (`newsgraph build seeds --out TMP`), serve them (`newsgraph serve --graph TMP --port P`)
 * and drive the page in headless Chromium. Screenshots are kept in test-artifacts/seeds-*.png.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkPrerequisites, keepScreenshot, newViewerPage, openViewer, runCli, search, startViewerSession, tempDir, watchConsole, type ViewerSession } from "./harness.js";
import { decodePng, inkStats } from "./png.js";
import { statedPair, type StatedPair } from "../stated-pair.js";

async function shownEntities(page: Page): Promise<number> {
  const text = (await page.getByTestId("shown-count").textContent()) ?? "";
  const match = /Showing ([\d,]+) entit/.exec(text);
  if (!match) throw new Error(`unexpected shown count: ${text}`);
  return Number(match[1]!.replace(/,/g, ""));
}

describe("viewer on the seeds graph", () => {
  let graphDir: string;
  let session: ViewerSession;
  let page: Page;
  let problems: string[];
  let pair: StatedPair;

  beforeAll(async () => {
    checkPrerequisites();
    graphDir = tempDir("seeds-graph");
    runCli(["build", "seeds", "--out", graphDir]);
    pair = statedPair(join(graphDir, "graph.json"));
    session = await startViewerSession(graphDir);
  });
  afterAll(async () => {
    await session?.close();
    if (graphDir) rmSync(graphDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    ({ page, problems } = await newViewerPage(session));
  });
  afterEach(async () => {
    await page.close();
    expect(problems, "console errors, page errors or failed requests").toEqual([]);
  });

  it("draws a graph that is not blank, with the legend, search and filters", async () => {
    for (const id of ["legend", "search", "filters", "graph"]) await expect.poll(() => page.getByTestId(id).isVisible()).toBe(true);
    expect(await page.getByTestId("legend").locator("li[data-type]").count()).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(300);
    await keepScreenshot(page, "seeds-overview");
    const ink = inkStats(decodePng(await keepScreenshot(page.getByTestId("graph"), "seeds-canvas")));
    expect(ink.inkRatio).toBeGreaterThan(0.01);
    expect(ink.colors).toBeGreaterThanOrEqual(4);
  });

  it("selects the person with the most stated relations on search + Enter and shows a relation to a stated neighbour with evidence", async () => {
    const { person, neighbour } = pair;
    await search(page, person.label);
    const panel = page.getByTestId("entity-panel");
    await expect.poll(() => panel.getByTestId("entity-label").textContent()).toBe(person.label);
    const toNeighbour = panel.locator('[data-testid="relation"]').filter({ has: page.locator('[data-testid="relation-target"]', { hasText: neighbour.label }) });
    expect(await toNeighbour.count()).toBeGreaterThan(0);
    const quotes = await toNeighbour.getByTestId("evidence").locator("blockquote").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => neighbour.label.split(" ").some((word) => q.includes(word)))).toBe(true);
    await page.waitForTimeout(600); // let the camera settle on the selection
    await keepScreenshot(page, "seeds-person-selected");
    const ink = inkStats(decodePng(await keepScreenshot(page.getByTestId("graph"), "seeds-person-canvas")));
    expect(ink.inkRatio).toBeGreaterThan(0.005);
  });

  it("hides nodes of a type switched off in the filters", async () => {
    const before = await shownEntities(page);
    const country = page.getByTestId("filters").locator('input[data-type="country"]');
    const countries = Number(await page.getByTestId("legend").locator('li[data-type="country"] .count').textContent());
    expect(countries).toBeGreaterThan(0);
    const canvasBefore = await page.getByTestId("graph").screenshot();
    await country.uncheck();
    await expect.poll(() => shownEntities(page)).toBe(before - countries);
    expect(page.url()).toContain("hide=country");
    await page.waitForTimeout(300);
    const canvasAfter = await keepScreenshot(page.getByTestId("graph"), "seeds-without-countries");
    expect(canvasAfter.equals(canvasBefore)).toBe(false);
  });

  it("filters claims that are not plain assertions, and classified relations by confidence", async () => {
    const relations = async () => Number(/, ([\d,]+) relation/.exec((await page.getByTestId("shown-count").textContent()) ?? "")![1]!.replace(/,/g, ""));
    const before = await relations();
    const possible = page.getByTestId("filters").locator('input[data-claim="possible"]');
    await possible.uncheck();
    await expect.poll(relations).toBeLessThan(before);
    expect(page.url()).toContain("hideclaim=possible");
    const withoutPossible = await relations();
    await page.getByTestId("filter-min-confidence").fill("0.95");
    await expect.poll(relations).toBeLessThan(withoutPossible);
    expect(page.url()).toContain("minconf=0.95");
    await keepScreenshot(page, "seeds-claim-filters");
  });

  it("restores the selection when the URL is reloaded", async () => {
    await search(page, pair.person.label);
    await expect.poll(() => page.getByTestId("entity-label").textContent()).toBe(pair.person.label);
    const url = page.url();
    expect(url).toMatch(/#node=person:/);
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    expect(page.url()).toBe(url);
    expect(await page.getByTestId("entity-label").textContent()).toBe(pair.person.label);

    const fresh = await session.context.newPage();
    const freshProblems = watchConsole(fresh);
    await openViewer(fresh, url);
    expect(await fresh.getByTestId("entity-label").textContent()).toBe(pair.person.label);
    await fresh.close();
    expect(freshProblems).toEqual([]);
  });
});
