/** How claims that are not plain assertions are drawn: a dash pattern per kind and a word in the label. */
import { describe, expect, it } from "vitest";
import { CLAIM_STYLES, claimKinds, claimLabel, edgeDash } from "../../viewer/src/core/claim-style.js";
import type { EdgeAttributes } from "../../viewer/src/core/model.js";
import { edgeProgram } from "../../viewer/src/core/reducers.js";
import { CLAIM_KINDS } from "../../viewer/src/core/state.js";

const plain: EdgeAttributes = { relation: "member_of", negated: false, predicate: "joined", weight: 1, stories: 1, docs: ["d"], evidence: [], rules: ["r"] };
const claim = (patch: Partial<EdgeAttributes>): EdgeAttributes => ({ ...plain, ...patch });

describe("claim labels", () => {
  it.each([
    [claim({}), "member of"],
    [claim({ negated: true }), "not member of"],
    [claim({ relation: "meets", modality: "possible" }), "possibly meets"],
    [claim({ relation: "leader_of", modality: "former" }), "former leader of"],
    [claim({ inferred: true }), "member of (inferred)"],
    [claim({ negated: true, modality: "possible" }), "possibly not member of"],
    [claim({ relation: "co_occurs", negated: true }), "co-occurs with"],
  ])("labels %o as %s", (attrs, label) => {
    expect(claimLabel(attrs.relation, attrs)).toBe(label);
  });
});

describe("claim dashes", () => {
  it("draws plain assertions and co-occurrences solid, every other kind dashed with its own pattern", () => {
    expect(edgeDash(plain)).toBe(0);
    expect(edgeDash(claim({ relation: "co_occurs", modality: "possible" }))).toBe(0);
    const patterns = CLAIM_KINDS.map((kind) => CLAIM_STYLES[kind].dash);
    expect(patterns.every((d) => d > 0)).toBe(true);
    expect(new Set(patterns).size).toBe(CLAIM_KINDS.length);
    expect(edgeDash(claim({ modality: "former" }))).toBe(CLAIM_STYLES.former.dash);
    expect(edgeDash(claim({ inferred: true }))).toBe(CLAIM_STYLES.inferred.dash);
  });

  it("lets the first kind set the pattern of a claim of several kinds", () => {
    const both = claim({ negated: true, inferred: true });
    expect(claimKinds(both)).toEqual(["negated", "inferred"]);
    expect(edgeDash(both)).toBe(CLAIM_STYLES.negated.dash);
  });

  it("picks the dashed programs for dashed edges, arrows for directed ones", () => {
    expect(edgeProgram(true, 0)).toBe("arrow");
    expect(edgeProgram(false, 0)).toBe("line");
    expect(edgeProgram(true, 8)).toBe("dashedArrow");
    expect(edgeProgram(false, 8)).toBe("dashedLine");
  });
});
