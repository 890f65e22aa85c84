// Test helper: the code of the NewsgraphError a call throws (tests assert codes, not messages).
import { NewsgraphError } from "../src/errors.js";

export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof NewsgraphError ? err.code : "not a NewsgraphError";
  }
  return undefined;
}
