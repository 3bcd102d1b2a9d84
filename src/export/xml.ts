// XML text helpers shared by the GraphML and GEXF writers.

// Characters XML 1.0 forbids anywhere, even as character references: C0 controls other than tab, LF and CR,
// lone surrogates, and U+FFFE/U+FFFF. News text scraped from the web does carry some of them.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters that no XML 1.0 document may contain. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Escapes text for an attribute value or element content. Tab, LF and CR become character references
 * because attribute-value normalization would otherwise turn them into spaces (and CR LF into LF in content).
 */
export function escapeXml(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}
