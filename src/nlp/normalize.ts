/**
 * Text normalization shared by the stages: typographic quotes, apostrophes and dashes to ASCII, and the
 * name keys under which surface forms of one entity are compared.
 */

/** Replace typographic apostrophes, quotes and dashes by their ASCII forms. */
export function asciiPunctuation(s: string): string {
  return s.replace(/[’‘`´]/g, "'").replace(/[“”„«»]/g, '"').replace(/[‐‑‒–—]/g, "-");
}

/** A comparison key for a name: case, punctuation, a leading "the" and possessives do not matter. */
export function nameKey(name: string): string {
  return asciiPunctuation(name)
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[.]/g, "")
    .replace(/[-_/]/g, " ")
    .replace(/[^\p{L}\p{N} &]/gu, "")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A URL- and file-safe slug of a name (keeps non-ASCII letters). */
export function slugify(name: string): string {
  const slug = nameKey(name).replace(/&/g, "and").replace(/\s+/g, "-");
  return slug || "x";
}
