/**
 * The one error class of newsgraph. Expected failures (bad input, unknown names, bad arguments) are thrown
 * as NewsgraphError with a code from ERROR_CODES; the CLI prints its message on one line and exits with
 * the code's exit status. Anything else is a bug and is printed with its stack under --verbose.
 */

export const ERROR_CODES = {
  INPUT_MISSING: 2,
  INPUT_EMPTY: 3,
  INPUT_BINARY: 3,
  INPUT_ENCODING: 3,
  INPUT_JSONL: 3,
  INPUT_CONLL: 3,
  INPUT_NONE: 3,
  GRAPH_MISSING: 4,
  GRAPH_INVALID: 4,
  ENTITY_UNKNOWN: 5,
  ENTITY_AMBIGUOUS: 5,
  BAD_ARGUMENT: 6,
  MODEL_MISSING: 7,
  MODEL_INVALID: 7,
  KB_INVALID: 7,
  ALIASES_INVALID: 3,
  NO_PATH: 8,
  VIEWER_MISSING: 9,
  PORT_IN_USE: 9,
  OUT_UNUSABLE: 10,
  OUT_LOCKED: 11,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  /** Structured detail (file, line, candidates...) for --json consumers and tests. */
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = "NewsgraphError";
    this.code = code;
    this.context = context;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code];
  }
}

/** Most characters of user input an error message repeats. */
export const ECHO_LIMIT = 200;

/** User input as an error message repeats it: cut to ECHO_LIMIT characters, with "…" when cut. */
export function echoInput(text: string, limit = ECHO_LIMIT): string {
  const chars = [...text.slice(0, limit * 2 + 2)];
  return chars.length > limit ? `${chars.slice(0, limit).join("")}…` : chars.join("");
}
