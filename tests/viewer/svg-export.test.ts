/**
 * The SVG of the current view: every drawn item at its screen position, edges as wide as they look, dashes
 * and arrows kept, pinned nodes ringed, community labels on top, text escaped.
 */
import { describe, expect, it } from "vitest";
import { inkWidth, sceneSvg, type Scene } from "../../viewer/src/core/svg-export.js";

const scene = (patch: Partial<Scene> = {}): Scene => ({
  width: 400,
  height: 300,
  background: "#ffffff",
  font: "system-ui",
  labelColor: "#000",
  edgeLabelColor: "#455a64",
  edgeFeather: 0,
  edges: [],
  nodes: [],
  pins: [],
  labels: [],
  edgeLabels: [],
  communityLabels: [],
  ...patch,
});

describe("sceneSvg", () => {
  it("writes an SVG of the view's size with a background", () => {
    const svg = sceneSvg(scene());
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
  });

  it("draws nodes and labels at their screen positions, labels over nodes over edges", () => {
    const svg = sceneSvg(
      scene({
        edges: [{ x1: 10, y1: 20, x2: 110, y2: 20, color: "#3949ab", size: 2, dash: 0, arrowTo: null }],
        nodes: [{ x: 10, y: 20, size: 6.04, color: "#d55e00" }],
        labels: [{ text: "Orla Penn", x: 19, y: 24.33, fontSize: 13 }],
      }),
    );
    expect(svg).toContain('<line x1="10" y1="20" x2="110" y2="20" stroke="#3949ab" stroke-width="2"/>');
    expect(svg).toContain('<circle cx="10" cy="20" r="6" fill="#d55e00"/>');
    expect(svg).toContain('<text class="label" x="19" y="24.3" font-size="13">Orla Penn</text>');
    expect(svg.indexOf("<line")).toBeLessThan(svg.indexOf("<circle"));
    expect(svg.indexOf("<circle")).toBeLessThan(svg.indexOf('class="label"'));
  });

  it("dashes claims that are not plain assertions and ends directed edges in an arrow head at the node's rim", () => {
    const svg = sceneSvg(scene({ edges: [{ x1: 0, y1: 0, x2: 100, y2: 0, color: "#e53935", size: 1, dash: 8, arrowTo: 10 }] }));
    expect(svg).toContain('stroke-dasharray="4 4"');
    // The head's tip touches the target's rim (100 - 10); the line stops at its base.
    expect(svg).toContain('<polygon points="90,0 ');
    expect(svg).toMatch(/<line x1="0" y1="0" x2="(\d+(\.\d)?)" y2="0"/);
  });

  it("draws edges as wide as they look: sigma fades the outer pixel on each side, so a 3-pixel edge looks 2 pixels wide", () => {
    const edge = { x1: 0, y1: 0, x2: 100, y2: 0, color: "#3949ab", dash: 0, arrowTo: null };
    const svg = sceneSvg(scene({ edgeFeather: 1, edges: [{ ...edge, size: 3 }, { ...edge, size: 1.7 }] }));
    expect(svg).toContain('stroke-width="2"/>');
    // Thinner than two fades, the edge never reaches full colour: less than half its width in ink.
    expect(svg).toContain('stroke-width="0.7"/>');
    expect(inkWidth(2, 1)).toBe(1);
    expect(inkWidth(2, 0)).toBe(2);
  });

  it("draws arrow heads as sigma does: 2.5 edge widths long and twice as wide as the edge", () => {
    const svg = sceneSvg(scene({ edges: [{ x1: 0, y1: 0, x2: 100, y2: 0, color: "#3949ab", size: 2, dash: 0, arrowTo: 10 }] }));
    expect(svg).toContain('<polygon points="90,0 85,2 85,-2" fill="#3949ab"/>');
    expect(svg).toContain('<line x1="0" y1="0" x2="85" y2="0"');
  });

  it("rings pinned nodes just outside their rim, over the nodes", () => {
    const svg = sceneSvg(scene({ nodes: [{ x: 50, y: 40, size: 6, color: "#d55e00" }], pins: [{ x: 50, y: 40, size: 6 }] }));
    expect(svg).toMatch(/<g class="pins" fill="none" stroke="#263238" stroke-width="2">\n<circle cx="50" cy="40" r="9"\/>/);
    expect(svg.indexOf('r="9"')).toBeGreaterThan(svg.indexOf('r="6"'));
  });

  it("draws the community labels shown, boxed, with their community's dot, cut off at the box, over everything else", () => {
    const svg = sceneSvg(
      scene({
        labels: [{ text: "Orla Penn", x: 19, y: 24, fontSize: 13 }],
        communityLabels: [
          { text: "Orla Penn · Vell & Co", left: 100, top: 50, width: 160, height: 22, color: "#0072b2" },
          { text: "Tarn Hollis", left: 100, top: 90, width: 90, height: 22, color: null },
        ],
      }),
    );
    // A viewport of the box's size: what does not fit is clipped, as on the page.
    expect(svg).toContain('<svg x="100" y="50" width="160" height="22"><rect x="0.5" y="0.5" width="159" height="21" rx="11"');
    expect(svg).toContain('<circle cx="14.5" cy="11" r="5.5" fill="#0072b2"/><text class="community-label" x="25" y="11" dominant-baseline="central">Orla Penn · Vell &amp; Co</text></svg>');
    expect(svg).toContain('<svg x="100" y="90" width="90" height="22">');
    expect(svg).toContain('<text class="community-label" x="9" y="11" dominant-baseline="central">Tarn Hollis</text>');
    expect(svg.indexOf('class="community-label"')).toBeGreaterThan(svg.indexOf('class="label"'));
  });

  it("turns edge labels along their edge, under the line, as drawn", () => {
    const svg = sceneSvg(scene({ edgeLabels: [{ text: "possibly meets", x: 50, y: 50, angle: Math.PI / 4, baseline: 12, fontSize: 11 }] }));
    expect(svg).toContain('<text class="edge-label" transform="translate(50 50) rotate(45)" x="0" y="12" font-size="11" text-anchor="middle">possibly meets</text>');
  });

  it("escapes names that look like markup", () => {
    const svg = sceneSvg(scene({ labels: [{ text: `<script>"Vell & Co"</script>`, x: 0, y: 0, fontSize: 13 }] }));
    expect(svg).toContain("&lt;script&gt;&quot;Vell &amp; Co&quot;&lt;/script&gt;");
    expect(svg).not.toContain("<script>");
  });
});
