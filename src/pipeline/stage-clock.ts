/**
 * A stage clock: accumulates the time spent in named stages of the pipeline, and the tokens each
 * processed, for the benchmark's per-stage figures (`npm run bench`). Stages nest exclusively: a stage
 * started while another runs (a sentence parsed while pronouns are linked) pauses the outer one, so each
 * moment is charged to exactly one stage and the stages' times add up to the time clocked. Code holds an
 * optional clock and calls `clock?.start(...)`: without one, a hook costs a test of undefined, and its
 * arguments are not evaluated.
 */

/** What one stage accumulated. */
export interface StageTotal {
  /** Time charged to the stage, in the units of the clock's `now` (milliseconds by default). */
  ms: number;
  /** Tokens its runs reported when they stopped. */
  tokens: number;
  /** Times it was started and stopped. */
  runs: number;
}

/** The extraction stages whose hooks are in src/extract/index.ts, in pipeline order. */
export const EXTRACTION_STAGES = ["tokenize", "pos", "ner", "parse", "mentions", "relations"] as const;

export class StageClock {
  /** The running stages, innermost last: only the innermost is charged. */
  private readonly running: StageTotal[] = [];
  private readonly totals = new Map<string, StageTotal>();
  private mark = 0;

  /** `now` is the time source (wall milliseconds by default; a test or a CPU-time bench passes its own). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Start `stage`, pausing the stage that runs (if any) until this one stops. */
  start(stage: string): void {
    this.charge();
    let total = this.totals.get(stage);
    if (!total) this.totals.set(stage, (total = { ms: 0, tokens: 0, runs: 0 }));
    this.running.push(total);
  }

  /** Stop the innermost running stage, adding `tokens` to its count, and resume the stage it paused. */
  stop(tokens = 0): void {
    this.charge();
    const total = this.running.pop();
    if (!total) throw new Error("stage clock: stop() without a running stage");
    total.tokens += tokens;
    total.runs++;
  }

  /** A copy of the totals by stage, in the order the stages first started. */
  stages(): Map<string, StageTotal> {
    return new Map([...this.totals].map(([stage, t]) => [stage, { ...t }]));
  }

  /** Charge the time since the last mark to the innermost running stage. */
  private charge(): void {
    const t = this.now();
    const top = this.running[this.running.length - 1];
    if (top) top.ms += t - this.mark;
    this.mark = t;
  }
}
