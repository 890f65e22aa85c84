/**
 * Runs long work in slices: drives a generator that pauses (yields) now and then, and gives the page back
 * between slices of a few tens of milliseconds, so input and drawing are never held up for long. Work
 * started in the background can be finished at once when its result is needed before it is done.
 */

/** Work done in one slice before the page gets a turn. */
const SLICE_MS = 25;

/** Resolves in a task of its own, after what the page has waiting (input, drawing). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function runInSlices<T>(steps: Generator<void, T, void>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // A message to oneself is the quickest way back into the event loop (timers are clamped).
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const end = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            // Resolved in a task of its own, so what the caller does next is not added to this slice.
            channel.port1.onmessage = () => {
              channel.port1.close();
              resolve(step.value);
            };
            channel.port2.postMessage(null);
            return;
          }
          if (performance.now() >= end) break;
        }
      } catch (err) {
        channel.port1.close();
        reject(err);
        return;
      }
      channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  });
}

/** Work running in slices in the background; `now()` finishes what is left at once and returns the result. */
export interface Background<T> {
  now(): T;
}

export function inBackground<T>(steps: Generator<void, T, void>): Background<T> {
  let result: { value: T } | null = null;
  // Steps already run by `now()` are not run again: the generator is shared.
  const rest = (function* () {
    const value = yield* steps;
    result = { value };
    return value;
  })();
  void runInSlices(rest).catch(() => {});
  return {
    now() {
      while (result === null) rest.next();
      return result.value;
    },
  };
}
