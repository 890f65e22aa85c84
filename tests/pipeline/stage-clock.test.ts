// Checks the stage clock behind the benchmark's per-stage figures: time and tokens add up per stage, a
// nested stage pauses the one it runs in, and an unbalanced stop is a bug it reports.
import { describe, expect, it } from "vitest";
import { StageClock } from "../../src/pipeline/stage-clock.js";

/** A clock over a hand-moved time. */
function manualClock(): { clock: StageClock; advance: (ms: number) => void } {
  let t = 0;
  return { clock: new StageClock(() => t), advance: (ms) => (t += ms) };
}

describe("StageClock", () => {
  it("adds up the time, tokens and runs of a stage over its runs", () => {
    const { clock, advance } = manualClock();
    clock.start("ner");
    advance(5);
    clock.stop(100);
    advance(1000); // between stages: charged to none
    clock.start("ner");
    advance(7);
    clock.stop(20);
    expect(clock.stages().get("ner")).toEqual({ ms: 12, tokens: 120, runs: 2 });
  });

  it("charges a nested stage's time to it alone, and the outer stage resumes after it", () => {
    const { clock, advance } = manualClock();
    clock.start("mentions");
    advance(3);
    clock.start("parse");
    advance(10);
    clock.stop(8);
    advance(4);
    clock.stop();
    const stages = clock.stages();
    expect(stages.get("mentions")).toEqual({ ms: 7, tokens: 0, runs: 1 });
    expect(stages.get("parse")).toEqual({ ms: 10, tokens: 8, runs: 1 });
  });

  it("lists stages in the order they first started, as copies", () => {
    const { clock, advance } = manualClock();
    for (const stage of ["tokenize", "pos", "tokenize"]) {
      clock.start(stage);
      advance(1);
      clock.stop();
    }
    const stages = clock.stages();
    expect([...stages.keys()]).toEqual(["tokenize", "pos"]);
    stages.get("pos")!.ms = 99;
    expect(clock.stages().get("pos")!.ms).toBe(1);
  });

  it("throws on a stop without a running stage", () => {
    const { clock } = manualClock();
    clock.start("relations");
    clock.stop();
    expect(() => clock.stop()).toThrow(/without a running stage/);
  });
});
