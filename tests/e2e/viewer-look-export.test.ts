/**
 * The look of the viewer and "export what you see", in headless Chromium on a dense graph of our own
 * (look-graph.ts): claims that are not plain assertions drawn dashed with their word, the selection and
 * every neighbour labelled, no two labels overlapping, the label-density slider (kept in the URL), and
 * the PNG, SVG and GEXF downloads checked against what the page shows (edges as wide, pinned entities
 * ringed, community labels drawn).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ARTIFACTS, checkPrerequisites, keepScreenshot, newViewerPage, search, startViewerSession, tempDir, type ViewerSession } from "./harness.js";
import { HUB_CLAIMS, writeLookGraph } from "./look-graph.js";
import { decodePng, inkStats, type Pixels } from "./png.js";

interface Downloaded {
  name: string;
  body: Buffer;
}

async function downloadOf(page: Page, testid: string): Promise<Downloaded> {
  const downloading = page.waitForEvent("download");
  await page.getByTestId(testid).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
}

interface SvgLabels {
  texts: string[];
  /** Pairs of node labels whose rendered boxes overlap. */
  overlaps: string[];
  dashed: number;
  edgeLabels: string[];
}

/** Parse an SVG in the page (it must be well-formed) and measure its labels as the browser renders them. */
function readSvg(page: Page, svg: string): Promise<SvgLabels> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.querySelector("parsererror")) throw new Error("the SVG does not parse");
    const host = document.createElement("div");
    host.style.cssText = "position:fixed;left:0;top:0;visibility:hidden";
    host.append(document.importNode(doc.documentElement, true));
    document.body.append(host);
    const labels = [...host.querySelectorAll<SVGTextElement>("text.label")];
    const boxes = labels.map((l) => l.getBBox());
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        // Glyph boxes include the font's line gap: a pixel of slack keeps touching boxes apart.
        if (a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1) {
          overlaps.push(`${labels[i]!.textContent} / ${labels[j]!.textContent}`);
        }
      }
    }
    const result = {
      texts: labels.map((l) => l.textContent ?? ""),
      overlaps,
      dashed: host.querySelectorAll("line[stroke-dasharray]").length,
      edgeLabels: [...host.querySelectorAll("text.edge-label")].map((l) => l.textContent ?? ""),
    };
    host.remove();
    return result;
  }, svg);
}

/** Keep a downloaded file in test-artifacts/ to look at. */
function keepDownload(name: string, body: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, name), body);
}

async function svgOf(page: Page, keepAs?: string): Promise<SvgLabels> {
  const { name, body } = await downloadOf(page, "export-svg");
  expect(name).toBe("look-fixture-view.svg");
  if (keepAs) keepDownload(keepAs, body);
  return readSvg(page, body.toString("utf8"));
}

/** Draw an exported SVG in a page of its own and keep a screenshot of it, to compare with the view. */
async function keepSvgPicture(page: Page, file: string, name: string): Promise<Buffer> {
  const picture = await page.context().newPage();
  await picture.setContent(`<body style="margin:0"><img src="data:image/svg+xml;base64,${readFileSync(join(ARTIFACTS, file)).toString("base64")}"></body>`);
  await picture.locator("img").waitFor();
  const png = await keepScreenshot(picture.locator("img"), name);
  await picture.close();
  return png;
}

/** How much colour an image puts on its white ground: the mean darkness of its pixels (0 white, 1 black). */
function inkMass(image: Pixels): number {
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) dark += 765 - image.data[i]! - image.data[i + 1]! - image.data[i + 2]!;
  return dark / 765 / (image.width * image.height);
}

/** Pixels within a small distance of a colour, in a box of an image (pixels of the image). */
function pixelsNear(image: Pixels, hex: string, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(image.height, Math.ceil(box.y1)); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(image.width, Math.ceil(box.x1)); x++) {
      const p = (y * image.width + x) * 4;
      if (Math.abs(image.data[p]! - r) + Math.abs(image.data[p + 1]! - g) + Math.abs(image.data[p + 2]! - b) <= 30) n += 1;
    }
  }
  return n;
}

/** Select the hub and let the camera settle on its neighbourhood. */
async function selectHub(page: Page): Promise<void> {
  await search(page, "Mara Quell");
  await expect.poll(() => page.getByTestId("entity-label").textContent()).toBe("Mara Quell");
  await page.waitForTimeout(700);
}

describe("viewer look and export on a dense graph", () => {
  let dir: string;
  let session: ViewerSession;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    checkPrerequisites();
    dir = tempDir("look");
    writeLookGraph(dir);
    session = await startViewerSession(dir);
  });
  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    ({ page, problems } = await newViewerPage(session));
  });
  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  it("draws claims that are not plain assertions dashed, says which in the label and explains it in the legend", async () => {
    await selectHub(page);
    const legend = page.getByTestId("legend-claims");
    expect(await legend.locator("li").count()).toBe(HUB_CLAIMS.length);
    expect(await legend.locator('li[data-claim="negated"]').textContent()).toContain("not");
    const svg = await svgOf(page, "look-export.svg");
    await keepSvgPicture(page, "look-export.svg", "look-export-svg-drawn");
    expect(svg.dashed).toBe(HUB_CLAIMS.length);
    expect(svg.edgeLabels).toEqual(expect.arrayContaining(["not member of", "possibly meets", "former leader of", "works for (inferred)", "supports"]));
    await keepScreenshot(page, "look-claims-selected");
  });

  it("labels the selection and every neighbour, with no two labels overlapping", async () => {
    await selectHub(page);
    const neighbours = await page.getByTestId("entity-panel").getByTestId("relation-target").allTextContents();
    expect(neighbours.length).toBe(24);
    const svg = await svgOf(page);
    expect(svg.texts).toEqual(expect.arrayContaining(["Mara Quell", ...neighbours]));
    expect(svg.overlaps).toEqual([]);
    await keepScreenshot(page.getByTestId("graph"), "look-hub-labels");
  });

  it("opens with labels that never overlap, and the density slider draws fewer or more of them", async () => {
    await page.waitForTimeout(300);
    const first = await svgOf(page);
    expect(first.texts.length).toBeGreaterThan(5);
    expect(first.overlaps).toEqual([]);
    await keepScreenshot(page.getByTestId("graph"), "look-dense-default");
    await page.getByTestId("label-density").fill("0");
    await page.waitForTimeout(200);
    expect((await svgOf(page)).texts).toEqual([]);
    await page.getByTestId("label-density").fill("3");
    await page.waitForTimeout(200);
    const dense = await svgOf(page);
    expect(dense.texts.length).toBeGreaterThan(first.texts.length);
    expect(dense.overlaps).toEqual([]);
    await keepScreenshot(page.getByTestId("graph"), "look-dense-max");
    // The density is part of the shared view: the URL keeps it, and a page opened on that URL draws as many labels.
    expect(new URL(page.url()).hash).toContain("labels=3");
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
    await page.waitForTimeout(300);
    expect(await page.getByTestId("label-density").inputValue()).toBe("3");
    expect((await svgOf(page)).texts).toEqual(dense.texts);
  });

  it("downloads the view as a PNG of the stage's size that is not blank", async () => {
    await selectHub(page);
    const { name, body } = await downloadOf(page, "export-png");
    expect(name).toBe("look-fixture-view.png");
    keepDownload("look-export.png", body);
    const png = decodePng(body);
    const stage = (await page.getByTestId("graph").boundingBox())!;
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    expect(png.width).toBe(Math.round(stage.width * ratio));
    expect(png.height).toBe(Math.round(stage.height * ratio));
    const ink = inkStats(png);
    expect(ink.inkRatio).toBeGreaterThan(0.01);
    expect(ink.colors).toBeGreaterThan(8);
  });

  it("draws edges in the SVG as wide as they look on screen, as the PNG shows them", async () => {
    await selectHub(page);
    const png = decodePng((await downloadOf(page, "export-png")).body);
    keepDownload("look-edges.svg", (await downloadOf(page, "export-svg")).body);
    const svg = decodePng(await keepSvgPicture(page, "look-edges.svg", "look-edges-svg-drawn"));
    expect([svg.width, svg.height]).toEqual([png.width, png.height]);
    // Nodes and labels are the same in both; edges drawn twice as wide as on screen add about a sixth to the colour.
    const ratio = inkMass(svg) / inkMass(png);
    expect(ratio).toBeGreaterThan(0.93);
    expect(ratio).toBeLessThan(1.07);
  });

  it("rings a pinned entity on the graph and in both exports", async () => {
    await selectHub(page);
    await page.getByTestId("pin").click();
    // Closed, the panel leaves the hub unselected (a selected node is drawn with a halo of its own).
    await page.getByTestId("entity-panel").getByRole("button", { name: "Close" }).click();
    await page.waitForTimeout(500);
    const ringsInSvg = async () => [...(await downloadOf(page, "export-svg")).body.toString("utf8").matchAll(/<g class="pins"[^>]*>\n<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"\/>/g)];
    const rings = await ringsInSvg();
    expect(rings.length).toBe(1);
    const [cx, cy, r] = rings[0]!.slice(1).map(Number) as [number, number, number];
    // The ring's colour all around the node, on screen and in the PNG (device pixels: the ratio is 1 here).
    const around = { x0: cx - r - 2, y0: cy - r - 2, x1: cx + r + 2, y1: cy + r + 2 };
    const screen = decodePng(await keepScreenshot(page.getByTestId("graph"), "look-pinned"));
    const png = decodePng((await downloadOf(page, "export-png")).body);
    for (const image of [screen, png]) expect(pixelsNear(image, "#263238", around)).toBeGreaterThan(2 * Math.PI * r);
    // Unpinned, no ring.
    await page.getByTestId("unpin-all").click();
    expect(await ringsInSvg()).toEqual([]);
  });

  it("draws the community labels shown at low zoom in the PNG and the SVG", async () => {
    await page.waitForTimeout(300);
    const shown = await page.locator("[data-testid='community-labels']:not([hidden]) .community-label:not([hidden])").evaluateAll((items) => {
      const stage = document.querySelector("[data-testid='graph']")!.getBoundingClientRect();
      return items.map((item) => {
        const box = item.getBoundingClientRect();
        return { text: item.textContent ?? "", x0: box.left - stage.left, y0: box.top - stage.top, x1: box.right - stage.left, y1: box.bottom - stage.top };
      });
    });
    expect(shown.length).toBeGreaterThan(1);
    const svgText = (await downloadOf(page, "export-svg")).body.toString("utf8");
    expect([...svgText.matchAll(/<text class="community-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"))).toEqual(shown.map((l) => l.text));
    const { body } = await downloadOf(page, "export-png");
    keepDownload("look-community-labels.png", body);
    const png = decodePng(body);
    // The labels' dark bold text where the page shows each label.
    for (const label of shown) expect(pixelsNear(png, "#1f2a30", label), label.text).toBeGreaterThan(20);
  });

  it("downloads GEXF holding exactly the entities and relations shown", async () => {
    await page.getByTestId("filters").locator('input[data-type="location"]').uncheck();
    const shown = (await page.getByTestId("shown-count").textContent())!;
    const [, entities, relations] = /^Showing (\d+) entities of \d+, (\d+) relations\.$/.exec(shown)!;
    const { name, body } = await downloadOf(page, "export-gexf");
    expect(name).toBe("look-fixture-view.gexf");
    const gexf = body.toString("utf8");
    const ids = [...gexf.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(Number(entities));
    expect(ids.some((id) => id.startsWith("location:"))).toBe(false);
    expect([...gexf.matchAll(/<edge /g)].length).toBe(Number(relations));
    expect(gexf).toContain('label="Mara Quell"');
  });
});
