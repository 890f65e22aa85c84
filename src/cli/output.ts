/**
 * Shared output helpers of the CLI: JSON printing, plain-text tables, and the one error handler that
 * turns an expected NewsgraphError into a one-line message and its exit code.
 */
import { CommanderError } from "commander";
import { ECHO_LIMIT, ERROR_CODES, echoInput, NewsgraphError } from "../errors.js";

/** Print a value as pretty JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

/** Format rows as an aligned text table with a header row. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(cells[0]!), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}

/** Print a warning about a graph folder (e.g. a damaged sidecar line) on stderr, if there is one. */
export function printWarning(message: string | undefined): void {
  if (message !== undefined) process.stderr.write(`newsgraph: warning: ${oneLine(message)}\n`);
}

/** Report an error and exit: one line for expected errors, the stack for bugs (or with --verbose). */
export function handleError(err: unknown, verbose = process.argv.includes("--verbose")): never {
  // A usage error commander has already printed (unknown option, missing argument), or help and version.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : ERROR_CODES.BAD_ARGUMENT);
  if (err instanceof NewsgraphError) {
    process.stderr.write(`newsgraph: ${oneLine(err.message)}\n`);
    process.exit(err.exitCode);
  }
  const e = err instanceof Error ? err : new Error(String(err));
  process.stderr.write(verbose ? `${e.stack ?? e.message}\n` : `newsgraph: internal error: ${oneLine(e.message)} (run with --verbose for details)\n`);
  process.exit(1);
}

/** An error message as printed: one line, cut at a length that still names every argument in full. */
export function oneLine(message: string): string {
  return echoInput(message.replace(/\s*\n\s*/g, " "), ECHO_LIMIT * 5);
}
