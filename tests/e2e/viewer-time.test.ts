/**
 * The time line in headless Chromium, on a graph of dated and undated documents
 * (tests/fixtures/viewer-time/graph: nine documents from January to September 2025, two undated): the
 * histogram of documents per month with the selected entity's over it, brushing a range that hides what
 * lies outside it, the undated switch, "play" stepping month by month until paused (on a clock the test moves), and the range and
 * switch kept in the URL.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { keepScreenshot, launchBrowser, openViewer, pagePerTest, ROOT, search, type ViewerSession, watchConsole } from "./harness.js";
import { decodePng, inkStats } from "./png.js";

const FIXTURE = join(ROOT, "tests", "fixtures", "viewer-time", "graph");
const MONTHS = 9;

/** Drag across the histogram from one bar to another (0 = January 2025). */
async function brush(page: Page, from: number, to: number): Promise<void> {
  const box = (await page.getByTestId("time-histogram").boundingBox())!;
  const x = (i: number) => box.x + ((i + 0.5) * box.width) / MONTHS;
  const y = box.y + box.height / 2;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  for (let k = 1; k <= 5; k++) await page.mouse.move(x(from) + ((x(to) - x(from)) * k) / 5, y);
  await page.mouse.up();
}

describe("viewer time line", () => {
  let session: ViewerSession;
  let page: Page;
  pagePerTest(FIXTURE, (served, opened) => {
    session = served;
    page = opened;
  });

  it("shows documents per month, undated ones apart, and the selected entity's over them", async () => {
    const strip = page.getByTestId("time-strip");
    const bins = strip.locator(".time-bin");
    expect(await bins.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))))).toEqual([2, 1, 2, 1, 1, 0, 1, 0, 1]);
    expect(await bins.first().getAttribute("title")).toBe("Jan 2025: 2 documents");
    expect(await strip.getByTestId("time-range").textContent()).toBe("2025-01-08 – 2025-09-17 by month");
    expect(await strip.locator(".time-axis span").first().textContent()).toBe("Jan 2025");
    expect(await strip.locator(".time-undated").textContent()).toBe("2 undated");
    expect(await strip.locator(".time-undated").getAttribute("title")).toContain("2 undated documents");
    expect(await strip.getByTestId("time-undated").isChecked()).toBe(true);
    expect(await strip.getByTestId("time-brush").isVisible()).toBe(false);
    // The bars are drawn, tallest for the busiest months.
    const heights = await strip.locator(".time-bar-all").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(heights[1]).toBeGreaterThan(0);
    expect(heights[5]).toBe(0);
    // The graph above the strip still draws.
    const canvas = decodePng(await keepScreenshot(page.getByTestId("graph"), "time-graph-above-strip"));
    expect(inkStats(canvas).inkRatio).toBeGreaterThan(0.002);

    await search(page, "Mira Castellan");
    await expect.poll(() => page.getByTestId("entity-label").textContent()).toBe("Mira Castellan");
    expect(await strip.getByTestId("time-key").textContent()).toBe("allMira Castellan");
    expect(await strip.getByTestId("time-key").getAttribute("title")).toContain("4 dated documents of Mira Castellan");
    expect(await strip.locator(".time-undated").textContent()).toBe("2 undated (1 of Mira Castellan)");
    const entityBars = await strip.locator(".time-bar-entity").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height > 0));
    expect(entityBars).toEqual([true, true, false, true, false, false, true, false, false]);
    expect(await bins.nth(3).getAttribute("title")).toBe("Apr 2025: 1 document; Mira Castellan: 1");
    await keepScreenshot(page, "time-entity-histogram");
  });

  it("brushing a range hides what lies outside it; undated material can be switched off; Clear resets", async () => {
    const strip = page.getByTestId("time-strip");
    const shown = page.getByTestId("shown-count");
    expect(await shown.textContent()).toBe("Showing 11 entities of 11, 14 relations.");
    await brush(page, 2, 3);
    await expect.poll(() => page.url()).toContain("from=2025-03-01&to=2025-04-30");
    // March and April, plus what the undated documents attest.
    await expect.poll(() => shown.textContent()).toBe("Showing 8 entities of 11, 7 relations.");
    expect(await strip.getByTestId("time-range").textContent()).toBe("2025-03-01 – 2025-04-30");
    expect(await strip.getByTestId("time-brush").isVisible()).toBe(true);
    expect(await strip.locator(".time-bin.out").count()).toBe(MONTHS - 2);
    // The filters panel shows the same range.
    expect(await page.getByTestId("filter-date-from").inputValue()).toBe("2025-03-01");
    expect(await page.getByTestId("filter-date-to").inputValue()).toBe("2025-04-30");

    await strip.getByTestId("time-undated").uncheck();
    await expect.poll(() => shown.textContent()).toBe("Showing 5 entities of 11, 4 relations.");
    expect(page.url()).toContain("undated=0");
    await keepScreenshot(page, "time-brushed-march-april");

    // Outside the range, the search still finds an entity but says the filters hide it.
    await page.getByTestId("search").fill("Halden");
    await expect.poll(() => page.getByTestId("search-results").getByTestId("hidden-match").count()).toBe(1);
    await page.getByTestId("search").fill("");

    await strip.getByTestId("time-clear").click();
    await expect.poll(() => shown.textContent()).toBe("Showing 10 entities of 11, 11 relations.");
    expect(page.url()).not.toContain("from=");
    expect(await strip.getByTestId("time-brush").isVisible()).toBe(false);
    expect(await strip.getByTestId("time-clear").isVisible()).toBe(false);
  });

  it("plays month by month, redrawing each step, until paused", async () => {
    // A browser of its own, whose clock the test moves: each step of "play" is one second of it.
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const problems = watchConsole(page);
      await page.clock.install();
      await openViewer(page, session.url);
      await page.clock.pauseAt(Date.now() + 60_000);
      const strip = page.getByTestId("time-strip");
      const shown = page.getByTestId("shown-count");
      const play = strip.getByTestId("time-play");
      await play.click();
      expect(await play.getAttribute("aria-pressed")).toBe("true");
      expect(page.url()).toContain("from=2025-01-01&to=2025-01-31");
      expect(await shown.textContent()).toBe("Showing 8 entities of 11, 6 relations.");
      await keepScreenshot(page, "time-play-january");
      await page.clock.runFor(1000);
      expect(page.url()).toContain("from=2025-02-01&to=2025-02-28");
      expect(await shown.textContent()).toBe("Showing 8 entities of 11, 5 relations.");
      expect(await strip.locator(".time-bin:not(.out)").getAttribute("data-start")).toBe("2025-02-01");
      await page.clock.runFor(1000);
      expect(page.url()).toContain("from=2025-03-01&to=2025-03-31");
      await play.click();
      expect(await play.textContent()).toBe("▶ Play");
      await page.clock.runFor(3000);
      expect(page.url()).toContain("from=2025-03-01&to=2025-03-31");
      // Played to the end, it stops on the last month.
      await play.click();
      await page.clock.runFor(10_000);
      expect(page.url()).toContain("from=2025-09-01&to=2025-09-30");
      expect(await play.getAttribute("aria-pressed")).toBe("false");
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("restores the time range and the undated switch from the URL, and moves the range with the keyboard", async () => {
    await page.goto(`${session.url}#from=2025-03-01&to=2025-04-30&undated=0`);
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    const strip = page.getByTestId("time-strip");
    expect(await page.getByTestId("shown-count").textContent()).toBe("Showing 5 entities of 11, 4 relations.");
    expect(await strip.getByTestId("time-undated").isChecked()).toBe(false);
    expect(await strip.getByTestId("time-brush").isVisible()).toBe(true);
    expect(await strip.locator(".time-bin:not(.out)").evaluateAll((els) => els.map((e) => e.getAttribute("data-start")))).toEqual(["2025-03-01", "2025-04-01"]);
    await keepScreenshot(page, "time-restored-from-url");

    // The arrow keys move the range a month; with Shift they move its end.
    await page.getByTestId("time-histogram").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.url()).toContain("from=2025-04-01&to=2025-05-31");
    await page.keyboard.press("Shift+ArrowLeft");
    await expect.poll(() => page.url()).toContain("from=2025-04-01&to=2025-04-30");
  });
});
