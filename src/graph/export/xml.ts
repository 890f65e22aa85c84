/** XML text helpers shared by the GEXF and GraphML writers. */

/** Characters XML 1.0 forbids anywhere (C0 controls other than tab, newline, carriage return; U+FFFE/F). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Remove characters that would make the document invalid XML. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}

/** Escape for an attribute value or text content (both quote kinds, so either delimiter is safe). */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
