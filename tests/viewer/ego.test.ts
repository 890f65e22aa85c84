/** Ego neighbourhoods: breadth first, within k hops, through what the tests let through. */
import { describe, expect, it } from "vitest";
import { egoNeighbourhood } from "../../viewer/src/core/ego.js";
import { loadFixture } from "./fixture.js";

const { graph } = loadFixture();
const stated = (_edge: string, attrs: { relation: string }) => attrs.relation !== "co_occurs";
const anywhere = () => true;

describe("egoNeighbourhood", () => {
  it("reaches each entity at its fewest hops, over stated relations", () => {
    const around = egoNeighbourhood(graph, ["location:oslo"], 2, stated, anywhere);
    expect(Object.fromEntries(around)).toEqual({
      "location:oslo": 0,
      "person:helena-varga": 1,
      "organization:norvik-energy": 2,
      "person:jonas-dahl": 2,
      "organization:nordic-power-council": 2,
    });
    expect([...egoNeighbourhood(graph, ["location:oslo"], 1, stated, anywhere).keys()]).toEqual(["location:oslo", "person:helena-varga"]);
  });

  it("walks only the relations and enters only the entities allowed, from several seeds", () => {
    const leaders = egoNeighbourhood(graph, ["person:helena-varga"], 2, (_e, a) => a.relation === "leader_of" || a.relation === "meets", anywhere);
    expect([...leaders.keys()].sort()).toEqual(["country:norway", "organization:norvik-energy", "person:helena-varga", "person:jonas-dahl"]);
    const notDahl = egoNeighbourhood(graph, ["person:helena-varga"], 2, stated, (node) => node !== "person:jonas-dahl");
    expect(notDahl.has("person:jonas-dahl") || notDahl.has("country:norway") || notDahl.has("event:nordic-energy-summit")).toBe(false);
    const two = egoNeighbourhood(graph, ["location:oslo", "location:riga", "nowhere"], 1, stated, anywhere);
    expect([...two.keys()].sort()).toEqual(["country:latvia", "event:nordic-energy-summit", "location:oslo", "location:riga", "organization:baltic-grid", "person:helena-varga"]);
  });
});
