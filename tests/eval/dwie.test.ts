import { describe, expect, it } from "vitest";
import { mapDwieRelation } from "../../src/eval/dwie.js";

describe("DWIE relation mapping (issue 4's table)", () => {
  it.each([
    ["head_of_state", "leader_of"],
    ["head_of_gov", "leader_of"],
    ["head_of", "leader_of"],
    ["minister_of", "official_of"],
    ["member_of", "member_of"],
    ["citizen_of", "citizen_of"],
    ["based_in0", "located_in"],
    ["based_in2", "located_in"],
    ["in0", "located_in"],
    ["event_in1", "located_in"],
    ["agency_of", "part_of"],
    ["ministry_of", "part_of"],
    ["part_of", "part_of"],
    ["is_meeting", "meets"],
    ["sanctions", "sanctions"],
    ["founder_of", "founded"],
  ])("%s → %s", (label, relation) => {
    expect(mapDwieRelation(label)).toBe(relation);
  });

  it.each(["citizen_of-x", "head_of_state-x", "gpe0", "player_of", "spouse_of", "vs"])("%s is not scored", (label) => {
    expect(mapDwieRelation(label)).toBeUndefined();
  });
});
