/**
 * Work written as a generator that yields between steps (so that the app can spread it over several
 * tasks, see app/slices.ts) run to its end at once.
 */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
