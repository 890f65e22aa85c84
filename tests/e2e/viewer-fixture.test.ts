/**
 * The viewer in headless Chromium on a small hand-made graph (tests/fixtures/viewer/graph): search by
 * alias, the panel with negated relations and evidence, focusing the other end of a relation, the reader
 * with mentions marked and an article holding `<script>` shown as text, the filters and how they compose
 * with the selection, the CSV export of an entity's relations, and the URL hash.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { keepScreenshot, pagePerTest, ROOT, search, type ViewerSession } from "./harness.js";
import { decodePng, diffRatio } from "./png.js";

const FIXTURE = join(ROOT, "tests", "fixtures", "viewer", "graph");

describe("viewer on a hand-made graph", () => {
  let session: ViewerSession;
  let page: Page;
  pagePerTest(FIXTURE, (served, opened) => {
    session = served;
    page = opened;
  });

  it("finds an entity by an alias and lists its relations with evidence", async () => {
    await search(page, "varga");
    const panel = page.getByTestId("entity-panel");
    await expect.poll(() => panel.getByTestId("entity-label").textContent()).toBe("Helena Varga");
    expect(await panel.getByTestId("entity-type").textContent()).toBe("Person");
    const meets = panel.locator('.relation-group[data-relation="meets"] [data-testid="relation"]');
    expect(await meets.getByTestId("relation-target").textContent()).toBe("Jonas Dahl");
    expect(await meets.getByTestId("evidence").first().locator("blockquote").textContent()).toContain("met Norwegian Prime Minister Jonas Dahl");
    expect(await meets.getByTestId("evidence").first().textContent()).toContain("2024-03-04");
    expect(page.url()).toContain("#node=person:helena-varga");
    await keepScreenshot(page, "fixture-selected");
  });

  it("downloads the selected entity's shown relations with their evidence as CSV", async () => {
    await search(page, "Helena Varga");
    const panel = page.getByTestId("entity-panel");
    await expect.poll(() => panel.getByTestId("entity-label").textContent()).toBe("Helena Varga");
    const downloading = page.waitForEvent("download");
    await panel.getByTestId("export-csv").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("person-helena-varga-relations.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("source,relation,target,negated,modality,inferred,confidence,weight,document,date,sentence");
    expect(csv).toContain("Helena Varga,meets,Jonas Dahl,false,asserted");
    expect(csv).not.toContain("co_occurs");
  });

  it("marks a negated relation and focuses the other end when clicked", async () => {
    await search(page, "Latvia");
    const member = page.getByTestId("entity-panel").locator('[data-relation="member_of"][data-testid="relation"]');
    expect(await member.getAttribute("class")).toContain("negated");
    expect(await member.locator(".negated-badge").textContent()).toBe("not");
    await member.getByTestId("relation-target").click();
    await expect.poll(() => page.getByTestId("entity-label").textContent()).toBe("Nordic Power Council");
    expect(page.url()).toContain("node=organization:nordic-power-council");
  });

  it("fetches the evidence graph.json leaves out when asked for all of it", async () => {
    await search(page, "Norvik Energy");
    const partner = page.getByTestId("entity-panel").locator('[data-relation="partner_of"][data-testid="relation"]');
    expect(await partner.getByTestId("evidence").count()).toBe(1);
    await partner.getByTestId("more-evidence").click();
    await expect.poll(() => partner.getByTestId("evidence").count()).toBe(2);
    expect(await partner.locator("blockquote").allTextContents()).toEqual([
      "Varga said the deal with Baltic Grid strengthens ties with Latvia.",
      "Norvik Energy signed a partnership with Baltic Grid.",
    ]);
  });

  it("shows an article holding <script> and HTML as text, with the entity's mentions marked", async () => {
    await search(page, "Helena Varga");
    await page.getByTestId("entity-documents").locator('button[data-doc="summit-notes"]').click();
    const reader = page.getByTestId("document-view");
    await reader.waitFor();
    expect(await reader.getByTestId("document-title").textContent()).toBe("<script>alert('title')</script> Summit <b>notes</b>");
    const text = reader.getByTestId("document-text");
    await expect.poll(() => text.textContent()).toContain("discussed <script>alert('xss')</script> grid links.");
    expect(await text.textContent()).toContain("criticised the <b>tariff</b> plan");
    expect(await reader.locator("mark.focus").allTextContents()).toEqual(["Helena Varga"]);
    expect(await reader.locator("b, i, script").count()).toBe(0);
    // A javascript: URL is never turned into a link.
    expect(await reader.locator("a").count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("script").length)).toBe(1);
    expect(page.url()).toContain("doc=summit-notes");
    await keepScreenshot(page, "fixture-reader-escaped");

    // Another entity's mention in the text selects that entity.
    await text.locator('.mention[data-node="organization:nordic-power-council"]').click();
    await expect.poll(() => page.getByTestId("entity-label").textContent()).toBe("Nordic Power Council");
    expect(await reader.locator("mark.focus").allTextContents()).toEqual(["Nordic Power Council"]);
  });

  it("opens the reader on the evidence sentence from a quote's source", async () => {
    await search(page, "Jonas Dahl");
    const supports = page.getByTestId("entity-panel").locator('[data-relation="supports"][data-testid="relation"]');
    await supports.getByTestId("evidence").locator("button").click();
    const range = page.getByTestId("document-view").locator(".in-range");
    await expect.poll(() => range.allTextContents().then((t) => t.join(""))).toBe("Dahl praised the Skarv Wind Project as a model for the region.");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("document-view").isVisible()).toBe(false);
  });

  it("filters by type, co-occurrence, support and date, and says how much is shown", async () => {
    const shown = page.getByTestId("shown-count");
    // The graph has stated relations: co-occurrences are off until asked for.
    expect(await shown.textContent()).toBe("Showing 11 entities of 11, 15 relations.");
    expect(await page.getByTestId("filter-cooccurs").isChecked()).toBe(false);
    await page.getByTestId("filters").locator('input[data-type="location"]').uncheck();
    await expect.poll(() => shown.textContent()).toBe("Showing 9 entities of 11, 11 relations.");
    await page.getByTestId("filter-cooccurs").check();
    await expect.poll(() => shown.textContent()).toBe("Showing 9 entities of 11, 27 relations.");
    expect(page.url()).toContain("co=1");
    await page.getByTestId("filter-cooccurs").uncheck();
    await page.getByTestId("filter-date-from").fill("2024-05-01");
    await expect.poll(() => shown.textContent()).toBe("Showing 7 entities of 11, 5 relations.");
    expect(page.url()).toContain("hide=location");
    expect(page.url()).not.toContain("co=");
    expect(page.url()).toContain("from=2024-05-01");
    await page.getByRole("button", { name: "Reset filters" }).click();
    await expect.poll(() => shown.textContent()).toBe("Showing 11 entities of 11, 15 relations.");
  });

  it("composes filters and selection: a match the filters hide says so, and picked shows the neighbours that pass", async () => {
    await page.getByTestId("filters").locator('input[data-type="location"]').uncheck();
    await page.getByTestId("search").fill("Oslo");
    await expect.poll(() => page.getByTestId("search-results").getByTestId("hidden-match").count()).toBe(1);
    await page.getByTestId("search").press("Enter");
    const panel = page.getByTestId("entity-panel");
    await expect.poll(() => panel.getByTestId("entity-label").textContent()).toBe("Oslo");
    expect(await panel.getByTestId("relation").count()).toBeGreaterThan(0);
    expect(await panel.textContent()).not.toContain("No relation passes the filters");
    await keepScreenshot(page, "fixture-hidden-type-selected");
  });

  it("runs ForceAtlas2 live in a worker, stops it, and puts the build's positions back", async () => {
    const canvas = page.getByTestId("graph");
    const toggle = page.getByTestId("layout-toggle");
    await page.waitForTimeout(200);
    const before = await keepScreenshot(canvas, "fixture-before-live-layout");
    await toggle.click();
    expect(await toggle.textContent()).toBe("Stop layout");
    await page.waitForTimeout(800);
    await toggle.click();
    expect(await toggle.textContent()).toBe("Run layout");
    await page.waitForTimeout(200);
    const moved = await keepScreenshot(canvas, "fixture-after-live-layout");
    expect(diffRatio(decodePng(moved), decodePng(before))).toBeGreaterThan(0.005);
    await page.getByTestId("layout-reset").click();
    await page.waitForTimeout(200);
    const reset = await keepScreenshot(canvas, "fixture-reset-layout");
    // Back to the same picture, up to a few anti-aliased pixels.
    expect(diffRatio(decodePng(reset), decodePng(before))).toBeLessThan(0.001);
  });

  it("restores selection, reader and filters from the URL", async () => {
    await page.goto(`${session.url}#node=country:latvia&hide=event,project&co=0&color=community`);
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    expect(await page.getByTestId("entity-label").textContent()).toBe("Latvia");
    expect(await page.getByTestId("filters").locator('input[data-type="event"]').isChecked()).toBe(false);
    expect(await page.getByTestId("filter-cooccurs").isChecked()).toBe(false);
    expect(await page.getByTestId("color-by").inputValue()).toBe("community");
    expect(await page.getByTestId("legend").locator("h2").first().textContent()).toBe("Communities");
  });
});
