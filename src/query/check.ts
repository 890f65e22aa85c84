/** Argument checks shared by the queries; each failure is a BAD_ARGUMENT naming the option. */
import { echoInput, NewsgraphError } from "../errors.js";
import type { EntityType, RelationType } from "../types.js";
import { ENTITY_TYPES, RELATION_TYPES, isEntityType, isRelationType } from "../types.js";

/** Throw unless every value is an entity type of the vocabulary. */
export function checkTypes(types: readonly string[]): asserts types is readonly EntityType[] {
  const bad = types.filter((t) => !isEntityType(t));
  if (bad.length > 0) {
    throw new NewsgraphError("BAD_ARGUMENT", `unknown entity type ${quoted(bad)}; use one of ${ENTITY_TYPES.join(", ")}`, { types: bad });
  }
}

/** Throw unless every value is a relation of the vocabulary. */
export function checkRelations(relations: readonly string[]): asserts relations is readonly RelationType[] {
  const bad = relations.filter((r) => !isRelationType(r));
  if (bad.length > 0) {
    throw new NewsgraphError("BAD_ARGUMENT", `unknown relation ${quoted(bad)}; use one of ${RELATION_TYPES.join(", ")}`, { relations: bad });
  }
}

/** Throw unless `value` is an integer >= `min`. */
export function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new NewsgraphError("BAD_ARGUMENT", `--${name} must be an integer >= ${min} (got ${value})`, { option: name, value });
  }
}

/** Throw unless `value` is a finite number >= 0. */
export function checkNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new NewsgraphError("BAD_ARGUMENT", `--${name} must be a number >= 0 (got ${value})`, { option: name, value });
  }
}

function quoted(values: string[]): string {
  return values.map((v) => `"${echoInput(v)}"`).join(", ");
}

/** A number typed on the command line, or BAD_ARGUMENT naming the option. */
export function numberArgument(name: string, text: string): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new NewsgraphError("BAD_ARGUMENT", `--${name} must be a number (got "${echoInput(text)}")`, { option: name, value: text });
  return value;
}

/** A confidence typed on the command line: a number from 0 to 1, or BAD_ARGUMENT naming the option. */
export function confidenceArgument(name: string, text: string): number {
  const value = numberArgument(name, text);
  if (value < 0 || value > 1) throw new NewsgraphError("BAD_ARGUMENT", `--${name} must be a number from 0 to 1 (got ${value})`, { option: name, value });
  return value;
}

/** A comma-separated list typed on the command line (`--relation meets,visits`), blanks dropped. */
export function listArgument(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
