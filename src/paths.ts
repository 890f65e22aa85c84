/**
 * Locations of the package's own data files (knowledge base, models, viewer build), resolved from the
 * package root so they are found both when running the TypeScript sources (tests) and the compiled dist/.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("newsgraph: package root not found");
    dir = parent;
  }
}

/** Absolute path of the newsgraph package. */
export const PACKAGE_ROOT = findPackageRoot();

/** Path of a knowledge-base data file under src/kb. */
export function kbPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, "src", "kb", ...parts);
}

/** Path of a trained model file under src/nlp/models. */
export function modelPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, "src", "nlp", "models", ...parts);
}

/** Path of the built viewer (viewer/dist). */
export function viewerDistPath(): string {
  return join(PACKAGE_ROOT, "viewer", "dist");
}
