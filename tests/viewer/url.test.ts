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
    };
    const hash = encodeViewState(view, defaults);
    expect(hash).toContain("node=person:jane-doe");
    expect(hash).toContain("hide=location,event");
    expect(hash).toContain("hideclaim=possible,inferred");
    expect(hash).toContain("from=2024-01-01&to=2024-12-31&undated=0");
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

  it("ignores unknown appearance modes", () => {
    const view = decodeViewState("color=rainbow&size=huge&limit=0", defaults);
    expect([view.colorBy, view.sizeBy, view.nodeLimit]).toEqual(["type", "degree", 1000]);
  });
});
