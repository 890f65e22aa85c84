/** The view in the URL hash: round trips, defaults left out, junk ignored. */
import { describe, expect, it } from "vitest";
import { defaultViewState, type ViewState } from "../../viewer/src/core/state.js";
import { decodeViewState, encodeViewState } from "../../viewer/src/core/url.js";

const defaults = defaultViewState({ nodeLimit: 1000 });

describe("view state in the URL hash", () => {
  it("writes nothing for the default view", () => {
    expect(encodeViewState(defaults, defaults)).toBe("");
    expect(decodeViewState("", defaults)).toEqual(defaults);
  });

  it("round-trips a full view, keeping ':' and ',' readable", () => {
    const view: ViewState = {
      selected: "person:jane-doe",
      document: "docs/a b.txt",
      filters: {
        hiddenTypes: ["location", "event"],
        hiddenRelations: ["member_of", "visits"],
        showCoOccurs: false,
        hiddenClaims: ["possible", "inferred"],
        minConfidence: 0.45,
        minWeight: 3,
        dateFrom: "2024-01-01",
        dateTo: "2024-12-31",
        showUndated: false,
      },
      colorBy: "community",
      sizeBy: "mentions",
      nodeLimit: 2000,
      explore: {
        alsoSelected: ["person:john-roe", "country:norlund"],
        ego: { hops: 2, relations: ["leader_of", "meets"] },
        pinned: ["country:valdoria"],
        hidden: ["location:old-town", "organization:acme"],
        pathTo: "organization:acme-rocket-works",
        pathAny: true,
      },
      labelDensity: 1.5,
    };
    const hash = encodeViewState(view, defaults);
    expect(hash).toContain("node=person:jane-doe");
    expect(hash).toContain("hide=location,event");
    expect(hash).toContain("hideclaim=possible,inferred");
    expect(hash).toContain("from=2024-01-01&to=2024-12-31&undated=0");
    expect(hash).toContain("labels=1.5");
    expect(decodeViewState(`#${hash}`, defaults)).toEqual(view);
  });

  it.each([
    ["unknown types and relations", "hide=person,planet&hiderel=co_occurs,meets,nope", { hiddenTypes: ["person"], hiddenRelations: ["meets"] }],
    ["bad numbers", "minw=-2&limit=abc&minconf=1.5", { minWeight: 1 }],
    ["unknown claim kinds", "hideclaim=former,rumoured", { hiddenClaims: ["former"] }],
    ["bad dates", "from=yesterday&to=2024-13", { dateFrom: null, dateTo: null }],
  ])("ignores %s", (_why, hash, expected) => {
    expect(decodeViewState(hash, defaults).filters).toEqual({ ...defaults.filters, ...expected });
  });

  it("keeps the exploration: other selected entities, ego view, pins, hidden entities and path target", () => {
    const hash = encodeViewState({ ...defaults, selected: "person:jane-doe", explore: { ...defaults.explore, ego: { hops: 1, relations: [] }, pathTo: "country:norlund" } }, defaults);
    expect(hash).toBe("node=person:jane-doe&ego=1&path=country:norlund");
  });

  it("ignores a malformed exploration", () => {
    const { explore } = decodeViewState("ego=3&egorel=meets&pathany=yes&pin=,,a:b,a:b&path=", defaults);
    expect(explore).toEqual({ alsoSelected: [], ego: null, pinned: ["a:b"], hidden: [], pathTo: null, pathAny: false });
    expect(decodeViewState("ego=2&egorel=meets,nope", defaults).explore.ego).toEqual({ hops: 2, relations: ["meets"] });
  });

  it("ignores unknown appearance modes", () => {
    const view = decodeViewState("color=rainbow&size=huge&limit=0", defaults);
    expect([view.colorBy, view.sizeBy, view.nodeLimit]).toEqual(["type", "degree", 1000]);
  });

  it("keeps the label density, including none at all, and ignores one the slider cannot give", () => {
    expect(encodeViewState({ ...defaults, labelDensity: 0 }, defaults)).toBe("labels=0");
    expect(decodeViewState("labels=0", defaults).labelDensity).toBe(0);
    for (const junk of ["labels=4", "labels=-1", "labels=lots", "labels=1e2", "labels="]) {
      expect(decodeViewState(junk, defaults).labelDensity).toBe(defaults.labelDensity);
    }
  });
});
