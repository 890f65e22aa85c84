/**
 * Exploring from the selection in headless Chromium, on the hand-made graph (tests/fixtures/viewer/graph):
 * the ego view at 1 and 2 hops and through chosen relation types, hiding and pinning entities,
 * multi-selection (shift-click in the panel and on the graph), "path to…" picked with the keyboard and
 * drawn with each hop's evidence, the whole view restored from the URL, and Escape closing path, ego
 * view and panel in turn.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TYPE_COLORS } from "../../src/graph/palette.js";
import { keepScreenshot, pagePerTest, ROOT, search, type ViewerSession } from "./harness.js";
import { decodePng } from "./png.js";

const FIXTURE = join(ROOT, "tests", "fixtures", "viewer", "graph");

/** The centre, in page coordinates, of the pixels of the graph drawn in exactly this colour (a node's fill), the legend left out. */
async function pointOfColor(page: Page, hex: string): Promise<{ x: number; y: number }> {
  const stage = page.getByTestId("graph");
  const box = (await stage.boundingBox())!;
  const legend = (await page.getByTestId("legend").boundingBox())!;
  const inLegend = (x: number, y: number): boolean =>
    x + box.x >= legend.x && x + box.x <= legend.x + legend.width && y + box.y >= legend.y && y + box.y <= legend.y + legend.height;
  const image = decodePng(await stage.screenshot());
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const p = (y * image.width + x) * 4;
      if (image.data[p] === r && image.data[p + 1] === g && image.data[p + 2] === b && !inLegend(x, y)) {
        sx += x;
        sy += y;
        n += 1;
      }
    }
  }
  if (n === 0) throw new Error(`no pixel of ${hex} on the graph`);
  // Screenshots are in CSS pixels at the default device scale factor of 1.
  return { x: box.x + sx / n, y: box.y + sy / n };
}

describe("viewer: ego view, pins, multi-selection and paths", () => {
  let session: ViewerSession;
  let page: Page;
  pagePerTest(FIXTURE, (served, opened) => {
    session = served;
    page = opened;
  });

  const shown = () => page.getByTestId("shown-count").textContent();
  const label = () => page.getByTestId("entity-label").textContent();

  it("expands 1 or 2 hops around the selection, through chosen relation types only when asked", async () => {
    await search(page, "Oslo");
    await expect.poll(label).toBe("Oslo");
    await page.getByTestId("ego-2").click();
    // Oslo, then Helena Varga (visits), then what she is stated to be linked to.
    await expect.poll(shown).toBe("Showing 5 entities of 11, 4 relations.");
    expect(await page.getByTestId("ego-status").textContent()).toContain("2 hops around Oslo");
    expect(page.url()).toContain("ego=2");
    await page.waitForTimeout(500);
    await keepScreenshot(page, "ego-two-hops");
    await page.getByTestId("ego-1").click();
    await expect.poll(shown).toBe("Showing 2 entities of 11, 1 relation.");
    await page.getByTestId("ego-0").click();
    await expect.poll(shown).toBe("Showing 11 entities of 11, 15 relations.");
    expect(page.url()).not.toContain("ego=");

    await search(page, "Helena Varga");
    await page.getByTestId("ego-2").click();
    await expect.poll(shown).toBe("Showing 10 entities of 11, 12 relations.");
    await page.getByTestId("ego-relations").locator("summary").click();
    await page.locator('[data-testid="ego-relation"][data-relation="leader_of"]').check();
    await page.locator('[data-testid="ego-relation"][data-relation="meets"]').check();
    // Varga leads Norvik Energy and meets Jonas Dahl, who leads Norway.
    await expect.poll(shown).toBe("Showing 4 entities of 11, 3 relations.");
    expect(page.url()).toContain("egorel=leader_of,meets");
    expect(await page.getByTestId("ego-status").textContent()).toContain("via leader of, meets");
  });

  it("hides and pins entities and adds to the selection with shift-click, in the panel and on the graph", async () => {
    await search(page, "Helena Varga");
    await page.getByTestId("ego-1").click();
    await expect.poll(shown).toBe("Showing 5 entities of 11, 4 relations.");

    // Shift-click in the panel adds Oslo to the selection; the panel shows it, the chips list both.
    await page.getByTestId("entity-panel").locator('[data-testid="relation-target"][data-node="location:oslo"]').click({ modifiers: ["Shift"] });
    await expect.poll(label).toBe("Oslo");
    expect(await page.getByTestId("selection-chip").allTextContents()).toEqual(["Helena Varga×", "Oslo×"]);
    // Hidden, Oslo leaves the selection and the view.
    await page.getByTestId("hide-node").click();
    await expect.poll(label).toBe("Helena Varga");
    await expect.poll(shown).toBe("Showing 4 entities of 11, 3 relations.");
    expect(page.url()).toContain("hidenode=location:oslo");

    // Riga, pinned, stays in view whatever the ego view says.
    await search(page, "Riga");
    await page.getByTestId("pin").click();
    expect(page.url()).toContain("pin=location:riga");
    await search(page, "Helena Varga");
    await expect.poll(shown).toBe("Showing 5 entities of 11, 3 relations.");
    expect(await page.getByTestId("explore-status").textContent()).toContain("1 pinned");
    await page.waitForTimeout(500);
    await keepScreenshot(page, "ego-hidden-pinned");

    // Shift-click on Riga's node (the one location left on the graph) adds it to the selection.
    const riga = await pointOfColor(page, TYPE_COLORS.location);
    await page.keyboard.down("Shift");
    await page.mouse.click(riga.x, riga.y);
    await page.keyboard.up("Shift");
    await expect.poll(label).toBe("Riga");
    expect(await page.getByTestId("selection-chip").count()).toBe(2);
    expect(page.url()).toContain("also=person:helena-varga");
    // Riga's own neighbours now join the ego view.
    await expect.poll(shown).toBe("Showing 8 entities of 11, 10 relations.");

    await page.getByTestId("unhide-all").click();
    await page.getByTestId("unpin-all").click();
    expect(page.url()).not.toContain("hidenode=");
    expect(page.url()).not.toContain("pin=");
  });

  it("draws the shortest paths to a target picked with the keyboard, lists each hop with evidence, and restores the view from the URL", async () => {
    await search(page, "Oslo");
    await page.getByTestId("ego-2").click();
    const box = page.getByTestId("path-search");
    await box.fill("ri");
    const results = page.getByTestId("path-search-results");
    await expect.poll(() => results.locator(".suggestion").count()).toBe(2);
    await box.press("ArrowDown");
    expect(await results.locator(".suggestion.active").getAttribute("data-node")).toBe("organization:baltic-grid");
    await box.press("ArrowUp");
    await box.press("Enter");

    const paths = page.getByTestId("path");
    await expect.poll(() => paths.count()).toBe(3);
    expect(await paths.evaluateAll((items) => items.map((p) => Number(p.getAttribute("data-length"))))).toEqual([4, 4, 6]);
    const first = paths.first().getByTestId("path-hop");
    expect(await first.evaluateAll((hops) => hops.map((h) => h.getAttribute("data-relation")))).toEqual(["visits", "leader_of", "partner_of", "located_in"]);
    expect(await first.first().textContent()).toContain("Oslo←visits—Helena Varga");
    expect(await first.nth(2).locator("blockquote").textContent()).toBe("Varga said the deal with Baltic Grid strengthens ties with Latvia.");
    expect(page.url()).toContain("path=location:riga");
    // The paths' entities show beside the 2-hop ego view: Baltic Grid, the summit, Riga, the wind project.
    const withPaths = await shown();
    expect(withPaths).toBe("Showing 9 entities of 11, 11 relations.");
    await page.waitForTimeout(500);
    await keepScreenshot(page, "path-drawn");

    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    expect(await label()).toBe("Oslo");
    expect(await page.getByTestId("ego-2").getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByTestId("path").count()).toBe(3);
    expect(await shown()).toBe(withPaths);
    await page.waitForTimeout(500);
    await keepScreenshot(page, "path-after-reload");

    // Escape closes the path, then the ego view, then the panel.
    await page.locator("body").press("Escape");
    await expect.poll(() => page.getByTestId("path").count()).toBe(0);
    expect(page.url()).not.toContain("path=");
    await page.locator("body").press("Escape");
    await expect.poll(shown).toBe("Showing 11 entities of 11, 15 relations.");
    expect(page.url()).not.toContain("ego=");
    await page.locator("body").press("Escape");
    await expect.poll(() => page.getByTestId("overview").isVisible()).toBe(true);
  });

  it("walks stated facts only, and with any link also negated claims, as newsgraph path --any does", async () => {
    await search(page, "Latvia");
    await page.getByTestId("path-search").fill("Nordic Power");
    await page.getByTestId("path-search").press("Enter");
    const paths = page.getByTestId("path");
    // Latvia is stated NOT to be a member of the council: facts link them only the long way round.
    await expect.poll(() => paths.count()).toBeGreaterThan(0);
    expect(await paths.first().getAttribute("data-length")).toBe("5");
    await page.getByTestId("path-any").check();
    await expect.poll(() => paths.first().getAttribute("data-length")).toBe("1");
    const hop = paths.first().getByTestId("path-hop");
    expect(await hop.getAttribute("data-relation")).toBe("member_of");
    expect(await hop.textContent()).toContain("Latvia—not member of→Nordic Power Council");
    expect(page.url()).toContain("pathany=1");
    await page.waitForTimeout(500);
    await keepScreenshot(page, "path-any-negated");
  });
});
