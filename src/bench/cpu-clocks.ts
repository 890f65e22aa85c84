/**
 * CPU clocks of the benchmarks, in milliseconds: the process's (every thread: process.cpuUsage()) and the
 * calling thread's own. Node 20 has no per-thread CPU clock of its own, and the process clock charges a
 * stage with the work V8's background compiler and garbage collector do meanwhile on other threads; but
 * its WASI binding reads the thread's CPU clock (clock_gettime(CLOCK_THREAD_CPUTIME_ID) on Linux and
 * macOS, GetThreadTimes on Windows) for WASI's clock 3, writing the nanoseconds into a WebAssembly
 * memory. A read costs about 2 µs of the thread's time, as process.cpuUsage() does.
 */
import { WASI } from "node:wasi";

/** CPU milliseconds of the whole process so far. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** WASI's clock id of the calling thread's CPU time. */
const THREAD_CPUTIME = 3;

type ClockTimeGet = (clock: number, precision: bigint, at: number) => number;

/** The part of the WebAssembly global used here (the project's TypeScript libraries do not declare it). */
const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: new (pages: { initial: number }) => { buffer: ArrayBuffer } } }).WebAssembly;

/**
 * A clock of the calling thread's own CPU milliseconds (for the thread that calls it, whichever that is),
 * or null where the platform does not give one. (Constructing WASI prints an ExperimentalWarning unless
 * Node runs with --disable-warning=ExperimentalWarning, as `npm run bench` does.)
 */
export function threadCpuClock(): (() => number) | null {
  try {
    const wasi = new WASI({ version: "preview1" });
    const memory = new Memory({ initial: 1 });
    // The binding needs only an instance's memory to write into.
    wasi.initialize({ exports: { memory } });
    const clockTimeGet = (wasi.wasiImport as Record<string, ClockTimeGet>).clock_time_get!;
    const ns = new BigUint64Array(memory.buffer, 0, 1);
    if (clockTimeGet(THREAD_CPUTIME, 1n, 0) !== 0 || ns[0]! === 0n) return null;
    return () => {
      clockTimeGet(THREAD_CPUTIME, 1n, 0);
      return Number(ns[0]!) / 1e6;
    };
  } catch {
    return null;
  }
}
