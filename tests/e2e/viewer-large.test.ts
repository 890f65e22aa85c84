/**
 * A large graph in headless Chromium: it opens on the best connected entities with a "show more"
 * control, draws, keeps panning responsive, and works without texts.jsonl. Timings are printed (they are
 * for SwiftShader, a software WebGL, so a real GPU does better).
 */
import { rmSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPrerequisites, keepScreenshot, startViewerSession, tempDir, watchConsole, type ViewerSession } from "./harness.js";
import { decodePng, inkStats } from "./png.js";
import { writeSyntheticGraph } from "./synthetic-graph.js";

const NODES = 6000;

/** Frames drawn while the mouse drags the stage for about a second. */
async function measurePan(page: Page): Promise<{ frames: number; ms: number }> {
  const box = (await page.getByTestId("graph").boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number };
    w.__frames = 0;
    const tick = () => {
      w.__frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + box.width / 2 + i * 5, box.y + box.height / 2 + i * 3);
  await page.mouse.up();
  const ms = Date.now() - started;
  const frames = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  return { frames, ms };
}

describe("viewer on a large graph", () => {
  let graphDir: string;
  let session: ViewerSession;

  beforeAll(async () => {
    checkPrerequisites();
    graphDir = tempDir("large-graph");
    writeSyntheticGraph(graphDir, { nodes: NODES, edgesPerNode: 3, documents: 200, seed: 7 });
    session = await startViewerSession(graphDir);
  });
  afterAll(async () => {
    await session?.close();
    if (graphDir) rmSync(graphDir, { recursive: true, force: true });
  });

  it("opens on the best connected entities, shows more on demand, and pans", async () => {
    const page = await session.context.newPage();
    const problems = watchConsole(page);
    const started = Date.now();
    await page.goto(session.url);
    await page.waitForSelector("body[data-ready='true']", { timeout: 60_000 });
    const loadMs = Date.now() - started;

    const shown = page.getByTestId("shown-count");
    expect(await shown.textContent()).toMatch(/^Showing 1,000 entities of 6,000,/);
    const ink = inkStats(decodePng(await keepScreenshot(page.getByTestId("graph"), "large-initial")));
    expect(ink.inkRatio).toBeGreaterThan(0.01);

    const pan = await measurePan(page);
    await page.getByTestId("show-more").click();
    await expect.poll(() => shown.textContent()).toMatch(/^Showing 2,000 entities of 6,000,/);
    expect(page.url()).toContain("limit=2000");
    await page.getByRole("button", { name: "Show all" }).click();
    await expect.poll(() => shown.textContent()).toMatch(/^Showing 6,000 entities of 6,000,/);
    expect(await page.getByTestId("show-more").isVisible()).toBe(false);
    await keepScreenshot(page, "large-all");

    // Without texts.jsonl the reader says so instead of failing.
    await page.getByTestId("search").fill("Entity 1");
    await page.getByTestId("search").press("Enter");
    await page.getByTestId("entity-documents").locator("button").first().click();
    await expect.poll(() => page.getByTestId("document-text").textContent()).toContain("no document texts");

    console.log(`large graph (${NODES} nodes): ready in ${loadMs} ms; pan: ${pan.frames} frames in ${pan.ms} ms`);
    expect(loadMs).toBeLessThan(30_000);
    expect(pan.frames).toBeGreaterThan(5);
    await page.close();
    expect(problems).toEqual([]);
  });
});
