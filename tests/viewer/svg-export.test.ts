/** The SVG of the current view: every drawn item at its screen position, dashes and arrows kept, text escaped. */
import { describe, expect, it } from "vitest";
import { sceneSvg, type Scene } from "../../viewer/src/core/svg-export.js";

const scene = (patch: Partial<Scene> = {}): Scene => ({
  width: 400,
  height: 300,
  background: "#ffffff",
  font: "system-ui",
  labelColor: "#000",
  edgeLabelColor: "#455a64",
  edges: [],
  nodes: [],
  labels: [],
  edgeLabels: [],
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
