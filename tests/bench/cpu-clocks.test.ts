// The benchmark's thread CPU clock charges the calling thread's own work and not another thread's, which
// the process clock counts: a worker's busy loop, while this thread sleeps, moves only the process clock.
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { processCpuMs, threadCpuClock } from "../../src/bench/cpu-clocks.js";

const BUSY_WORKER = `
const { workerData } = require("node:worker_threads");
const flag = new Int32Array(workerData);
let x = 0;
for (let i = 0; i < 6e7; i++) x = (x + i) % 1000003;
Atomics.store(flag, 0, x + 1);
Atomics.notify(flag, 0);
`;

describe("threadCpuClock", () => {
  it("is available on Linux", () => {
    if (process.platform === "linux") expect(threadCpuClock()).not.toBeNull();
  });

  it("counts this thread's work and not a worker's", () => {
    const clock = threadCpuClock();
    if (!clock) return;
    const thread0 = clock();
    let x = 0;
    for (let i = 0; i < 1e8; i++) x = (x + i) % 1000003;
    const own = clock() - thread0;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(own).toBeGreaterThan(0);

    const flag = new Int32Array(new SharedArrayBuffer(4));
    const before = { thread: clock(), process: processCpuMs() };
    const worker = new Worker(BUSY_WORKER, { eval: true, workerData: flag.buffer });
    // This thread sleeps until the worker is done: the worker's CPU is the process's, not this thread's.
    expect(Atomics.wait(flag, 0, 0, 30_000)).not.toBe("timed-out");
    const thread = clock() - before.thread;
    const processWide = processCpuMs() - before.process;
    void worker.terminate();
    expect(processWide).toBeGreaterThan(4 * thread);
  });
});
