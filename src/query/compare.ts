/** Plain code-point string comparison, shared by the queries and the viewer (no Node imports). */

/** Plain code-point comparison (locale-independent, so output is the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
