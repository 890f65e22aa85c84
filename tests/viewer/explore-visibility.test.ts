/** What the exploration shows: ego view, hidden and pinned entities, paths, focus; and how it marks them. */
import { describe, expect, it } from "vitest";
import { DIMMED_NODE_COLOR, NEGATED_COLOR, PATH_COLOR } from "../../viewer/src/core/colors.js";
import { NO_EXPLORATION, type Exploration } from "../../viewer/src/core/exploration.js";
import { exploreEdgeDisplay, exploreNodeDisplay, type ExploreMarks } from "../../viewer/src/core/explore-display.js";
import { exploreFocus, exploreScope, exploreVisibility } from "../../viewer/src/core/explore-visibility.js";
import { createPathFinder } from "../../viewer/src/core/paths.js";
import { createRenderGraph, syncRenderGraph } from "../../viewer/src/core/render-graph.js";
import { defaultViewState, type Filters, type ViewState } from "../../viewer/src/core/state.js";
import { computeVisibility, renderedNodes } from "../../viewer/src/core/visibility.js";
import { loadFixture } from "./fixture.js";

const { graph, index } = loadFixture();
const finder = createPathFinder(graph);

function explored(selected: string | null, explore: Partial<Exploration>, filters: Partial<Filters> = {}, nodeLimit = 1000) {
  const base = defaultViewState({ nodeLimit }, true);
  const view: ViewState = { ...base, selected, filters: { ...base.filters, ...filters }, explore: { ...NO_EXPLORATION, ...explore } };
  const paths = selected !== null && view.explore.pathTo !== null ? finder.find(selected, view.explore.pathTo, view.explore.pathAny) : null;
  const scope = exploreScope(graph, index, view, paths);
  const rendered = createRenderGraph(graph);
  // As the app draws it: the ego view alone, or the best connected entities with what the exploration adds.
  const drawn = scope.ego !== null ? scope.rendered : new Set([...renderedNodes(graph, index, view.nodeLimit, view.selected), ...scope.rendered]);
  syncRenderGraph(rendered, graph, drawn, index.ranking);
  const visibility = exploreVisibility(rendered, index, view, () => computeVisibility(rendered, index, view), scope);
  return { view, scope, rendered, visibility, focus: exploreFocus(rendered, view, visibility, scope) };
}
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe("exploreVisibility", () => {
  it("leaves the filters' view alone when nothing is explored", () => {
    const { rendered, view, visibility } = explored("location:oslo", {});
    expect(visibility).toEqual(computeVisibility(rendered, index, view));
  });

  it("shows only the ego view, through the chosen relation types, outside the drawn top entities too", () => {
    const { visibility, focus } = explored("location:oslo", { ego: { hops: 2, relations: [] } }, {}, 1);
    expect(sorted(visibility.nodes)).toEqual(["location:oslo", "organization:nordic-power-council", "organization:norvik-energy", "person:helena-varga", "person:jonas-dahl"]);
    expect(visibility.edges.size).toBe(4);
    // The ego view is the focus: nothing in it is dimmed.
    expect(focus).toBeNull();
    const through = explored("person:helena-varga", { ego: { hops: 2, relations: ["leader_of", "meets"] } }).visibility;
    expect(sorted(through.nodes)).toEqual(["country:norway", "organization:norvik-energy", "person:helena-varga", "person:jonas-dahl"]);
    expect([...through.edges].map((e) => graph.getEdgeAttribute(e, "relation")).sort()).toEqual(["leader_of", "leader_of", "meets"]);
  });

  it("keeps pinned entities whatever the filters and the ego view, and removes hidden ones", () => {
    const { visibility } = explored("person:helena-varga", { ego: { hops: 1, relations: [] }, pinned: ["location:riga"], hidden: ["location:oslo"] }, { hiddenTypes: ["location"] });
    expect(visibility.nodes.has("location:riga")).toBe(true);
    expect(visibility.nodes.has("location:oslo")).toBe(false);
    const plain = explored(null, { hidden: ["person:jonas-dahl"] }).visibility;
    expect(plain.nodes.size).toBe(10);
    expect([...plain.edges].some((e) => graph.hasExtremity(e, "person:jonas-dahl"))).toBe(false);
  });

  it("shows the paths whatever the filters say of their relations", () => {
    const { visibility, scope } = explored("location:oslo", { pathTo: "location:riga" }, { hiddenRelations: ["partner_of", "located_in"] });
    for (const edge of scope.paths!.edges) expect(visibility.edges.has(edge)).toBe(true);
    expect(visibility.nodes.has("location:riga")).toBe(true);
  });

  it("focuses every selected entity with its neighbours, also outside the drawn top entities", () => {
    const { visibility, focus } = explored("location:oslo", { alsoSelected: ["location:riga"] }, {}, 1);
    expect(sorted(focus!)).toEqual(["country:latvia", "event:nordic-energy-summit", "location:oslo", "location:riga", "organization:baltic-grid", "person:helena-varga"]);
    expect(sorted(visibility.nodes)).toEqual(sorted(focus!));
  });
});

describe("exploreNodeDisplay / exploreEdgeDisplay", () => {
  const { scope } = explored("location:oslo", { pathTo: "location:riga" });
  const marks: ExploreMarks = { selection: new Set(["location:oslo", "country:norway"]), pinned: new Set(["country:latvia"]), ego: false, paths: scope.paths, frame: null };
  const edgeOf = (relation: string, negated = false) => graph.findEdge((_e, a) => a.relation === relation && a.negated === negated)!;

  it("highlights every selected entity, labels pins and path entities, fades the rest", () => {
    const node = (key: string) => exploreNodeDisplay({ color: "#123456", label: graph.getNodeAttribute(key, "label") }, key, marks);
    expect(node("country:norway")).toMatchObject({ highlighted: true, forceLabel: true, color: "#123456" });
    expect(node("country:latvia")).toMatchObject({ forceLabel: true, color: "#123456" });
    expect(node("organization:baltic-grid")).toMatchObject({ forceLabel: true, zIndex: 3 });
    expect(node("organization:nordic-power-council")).toMatchObject({ color: DIMMED_NODE_COLOR, label: null });
  });

  it("draws path hops strong and labelled, negated ones red, and fades other relations", () => {
    const hop = [...scope.paths!.edges][0]!;
    expect(exploreEdgeDisplay({ color: "#abcdef", size: 1 }, hop, graph.getEdgeAttributes(hop), graph, marks)).toMatchObject({ color: PATH_COLOR, size: 3, forceLabel: true });
    const negatedHop = edgeOf("member_of", true);
    const withNegated = { ...marks, paths: { ...scope.paths!, edges: new Set([negatedHop]) } };
    expect(exploreEdgeDisplay({}, negatedHop, graph.getEdgeAttributes(negatedHop), graph, withNegated)).toMatchObject({ color: NEGATED_COLOR, label: "not member of" });
    // Norvik Energy also acquires Baltic Grid; the path shows their better supported partnership.
    const other = edgeOf("acquires");
    expect(exploreEdgeDisplay({ color: "#abcdef", label: "acquires" }, other, graph.getEdgeAttributes(other), graph, marks)).toMatchObject({ label: null, zIndex: 0 });
  });

  it("labels the selection's relations in the ego view", () => {
    const visits = edgeOf("visits");
    const ego = { ...marks, paths: null, ego: true };
    expect(exploreEdgeDisplay({ label: null }, visits, graph.getEdgeAttributes(visits), graph, ego).label).toBe("visits");
    const acquires = edgeOf("acquires");
    expect(exploreEdgeDisplay({ label: null }, acquires, graph.getEdgeAttributes(acquires), graph, ego).label).toBeNull();
  });
});
