import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { toGexf } from "../../../src/graph/export/gexf.js";
import { toGraphml } from "../../../src/graph/export/graphml.js";
import type { NewsGraph } from "../../../src/types.js";
import { TRICKY_LABEL, loadExportFixture } from "./fixture.js";

const { graph } = loadExportFixture();

/** The parsed attributes that carry JSON strings, decoded. */
function decode(attrs: Record<string, unknown>, lists: string[]): Record<string, unknown> {
  const out = { ...attrs };
  for (const name of lists) if (typeof out[name] === "string") out[name] = JSON.parse(out[name] as string);
  return out;
}

const formats: [string, () => MultiGraph][] = [
  ["GEXF", () => parseGexf(MultiGraph, toGexf(graph)) as MultiGraph],
  ["GraphML", () => parseGraphml(MultiGraph, toGraphml(graph)) as MultiGraph],
];

describe.each(formats)("%s export", (_name, roundTrip) => {
  const parsed = roundTrip();

  it("parses back with the same nodes and edges", () => {
    expect(parsed.order).toBe(graph.order);
    expect(parsed.size).toBe(graph.size);
    expect(parsed.nodes().sort()).toEqual(graph.nodes().sort());
    expect(parsed.edges().sort()).toEqual(graph.edges().sort());
  });

  it("keeps each edge's ends and directedness", () => {
    graph.forEachEdge((key, _a, source, target, _s, _t, undirected) => {
      expect([parsed.source(key), parsed.target(key), parsed.isUndirected(key)]).toEqual([source, target, undirected]);
    });
  });

  it("keeps the key node attributes, names with quotes, commas and accents intact", () => {
    graph.forEachNode((key, a) => {
      const p = decode(parsed.getNodeAttributes(key), ["aliases", "docs", "roles"]);
      expect(p).toMatchObject({ label: a.label, type: a.type, aliases: a.aliases, docs: a.docs, mentions: a.mentions, community: a.community });
      expect([p.x, p.y, p.size, p.color]).toEqual([a.x, a.y, a.size, a.color]);
    });
    expect(parsed.getNodeAttribute("organization:cafe-zurich", "label")).toBe(TRICKY_LABEL);
    expect(parsed.getNodeAttribute("organization:smith-jones-partners", "label")).toBe("Smith, Jones & Partners");
  });

  it("keeps the key edge attributes and the evidence", () => {
    graph.forEachEdge((key, a) => {
      // graphology-gexf leaves empty strings out (co_occurs edges have an empty predicate).
      const p = { predicate: "", ...decode(parsed.getEdgeAttributes(key), ["docs", "rules", "evidence"]) };
      expect(p).toMatchObject({ relation: a.relation, negated: a.negated, predicate: a.predicate, weight: a.weight, docs: a.docs, evidence: a.evidence });
    });
  });
});

describe("GEXF specifics", () => {
  const xml = toGexf(graph);

  it("is GEXF 1.3 with the relation as edge kind and label", () => {
    expect(xml).toContain('version="1.3"');
    expect(xml).toMatch(/<edge id="e5" source="country:valdoria" target="organization:northwind-council" weight="1" kind="not_member_of" label="not member_of">/);
  });

  it("writes the graph name and generator as meta", () => {
    expect(xml).toContain("<creator>newsgraph hand-made fixture</creator>");
    expect(xml).toContain("<description>query fixture</description>");
  });

  it("does not change the graph it exports", () => {
    expect(graph.getAttribute("name")).toBe("query fixture");
  });
});

describe("GraphML specifics", () => {
  const xml = toGraphml(graph);

  it("declares typed keys and keeps the graph attributes", () => {
    expect(xml).toContain('<key id="e_negated" for="edge" attr.name="negated" attr.type="boolean"/>');
    const parsed = parseGraphml(MultiGraph, xml) as unknown as NewsGraph;
    expect(parsed.getAttribute("name")).toBe("query fixture");
    expect(parsed.getAttribute("documents")).toBe(4);
  });

  it("drops characters XML forbids instead of writing an invalid file", () => {
    const g = graph.copy();
    g.setNodeAttribute("organization:mercury", "label", "Mer\u0001cury\u000b");
    expect((parseGraphml(MultiGraph, toGraphml(g)) as MultiGraph).getNodeAttribute("organization:mercury", "label")).toBe("Mercury");
  });
});
