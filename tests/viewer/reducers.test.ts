/** The sigma reducers: pure, never passing the entity type through, dimming what is out of focus. */
import { describe, expect, it } from "vitest";
import { CLAIM_STYLES } from "../../viewer/src/core/claim-style.js";
import { DIMMED_NODE_COLOR, fadedColor, NEGATED_COLOR, RELATION_COLORS } from "../../viewer/src/core/colors.js";
import { edgeDisplay, focusSet, nodeDisplay, scaledSize, type RenderContext } from "../../viewer/src/core/reducers.js";
import { defaultViewState, initialViewerState, type ViewerState } from "../../viewer/src/core/state.js";
import { computeVisibility } from "../../viewer/src/core/visibility.js";
import { TYPE_COLORS } from "../../src/graph/palette.js";
import { loadFixture } from "./fixture.js";

const { graph, index } = loadFixture();

function context(patch: Partial<ViewerState> = {}): RenderContext {
  const state = { ...initialViewerState(defaultViewState()), ...patch };
  const visibility = computeVisibility(graph, index, state);
  return { graph, index, state, visibility, focus: focusSet(graph, state.selected, visibility) };
}

const node = (key: string, ctx: RenderContext) => nodeDisplay(key, graph.getNodeAttributes(key), ctx);
const edgeOf = (relation: string) => graph.findEdge((_e, a) => a.relation === relation)!;
const edge = (key: string, ctx: RenderContext) => edgeDisplay(key, graph.getEdgeAttributes(key), ctx);

describe("nodeDisplay", () => {
  it("draws circles in the shared colour-blind-safe colour of their type and never mutates the data", () => {
    const before = JSON.stringify(graph.getNodeAttributes("person:helena-varga"));
    const display = node("person:helena-varga", context());
    // The fixture's own `color` (#e8743b) gives way to the palette the build writes today.
    expect(display).toMatchObject({ type: "circle", color: TYPE_COLORS.person, label: "Helena Varga", hidden: false });
    expect(JSON.stringify(graph.getNodeAttributes("person:helena-varga"))).toBe(before);
  });

  it("labels the selection and its neighbours always and dims entities outside the neighbourhood", () => {
    const ctx = context({ selected: "country:latvia" });
    expect(node("country:latvia", ctx)).toMatchObject({ highlighted: true, forceLabel: true });
    expect(node("organization:nordic-power-council", ctx)).toMatchObject({ label: "Nordic Power Council", forceLabel: true, zIndex: 2 });
    expect(node("location:oslo", ctx)).toMatchObject({ color: DIMMED_NODE_COLOR, label: null });
  });

  it("colours by community on demand and sizes on a square-root scale", () => {
    expect(node("person:helena-varga", context({ colorBy: "community" })).color).not.toBe(TYPE_COLORS.person);
    expect(scaledSize(0, 10)).toBe(3);
    expect(scaledSize(10, 10)).toBe(18);
    expect(scaledSize(2.5, 10)).toBeCloseTo(10.5);
  });
});

describe("edgeDisplay", () => {
  it("colours by relation, negated claims in red with 'not' in the label", () => {
    const ctx = context({ zoomedIn: true });
    expect(edge(edgeOf("meets"), ctx)).toMatchObject({ color: RELATION_COLORS.meets, type: "line", label: "meets" });
    expect(edge(edgeOf("leader_of"), ctx)).toMatchObject({ type: "arrow" });
    expect(edge(edgeOf("member_of"), ctx)).toMatchObject({ color: NEGATED_COLOR, label: "not member of" });
  });

  it("draws claims that are not plain assertions dashed, in their relation's colour, with the word in the label", () => {
    const ctx = context({ zoomedIn: true });
    const meets = edgeOf("meets");
    const possible = edgeDisplay(meets, { ...graph.getEdgeAttributes(meets), modality: "possible" }, ctx);
    expect(possible).toMatchObject({ color: RELATION_COLORS.meets, label: "possibly meets", type: "dashedLine", dash: CLAIM_STYLES.possible.dash });
    expect(edge(edgeOf("member_of"), ctx)).toMatchObject({ type: "dashedArrow", dash: CLAIM_STYLES.negated.dash });
    expect(edge(meets, ctx)).toMatchObject({ type: "line", dash: 0 });
    expect(edge(edgeOf("co_occurs"), context({ hoveredEdge: edgeOf("co_occurs") })).color).toBe(fadedColor(RELATION_COLORS.co_occurs));
    expect(fadedColor("#000000")).toBe("#808080");
    expect(fadedColor("#ffffff")).toBe("#ffffff");
  });

  it("labels edges only when hovered, zoomed in or touching the selection; co-occurrence only when hovered", () => {
    const meets = edgeOf("meets");
    const co = edgeOf("co_occurs");
    expect(edge(meets, context()).label).toBeNull();
    expect(edge(meets, context({ hoveredEdge: meets }))).toMatchObject({ label: "meets", forceLabel: true });
    expect(edge(meets, context({ selected: "person:jonas-dahl" })).label).toBe("meets");
    expect(edge(co, context({ zoomedIn: true })).label).toBeNull();
    expect(edge(co, context({ hoveredEdge: co })).label).toBe("co-occurs with");
  });

  it("hides what the filters hide", () => {
    expect(edge(edgeOf("co_occurs"), context({ filters: { ...defaultViewState().filters, showCoOccurs: false } })).hidden).toBe(true);
  });
});
