// What a reader sees of a piece of text. Format characters (zero-width spaces and joiners, bidi controls, soft
// hyphens, the BOM: Unicode category Cf) are invisible: they must neither split a name ("\u200bAngela\u200b
// Merkel") nor join two. Names are compared in NFC, so a decomposed "é" is the same letter as a composed one.
// Offsets never change: these functions make the strings that are compared and shown, not the text offsets index.

const FORMAT = /\p{Cf}/u;
const FORMAT_ALL = /\p{Cf}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** `s` without format characters, in NFC. ASCII text is returned as it is (the common case costs one test). */
export function visibleText(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return (FORMAT.test(s) ? s.replace(FORMAT_ALL, "") : s).normalize("NFC");
}

/** A name as shown and compared: visible, whitespace runs made one space, trimmed. */
export function nameForm(s: string): string {
  return visibleText(s).replace(/\s+/g, " ").trim();
}

/**
 * `s` cut to at most `max` characters, at a word boundary when one is near, ending in "…" when cut: a reader
 * must see that a label or quotation is not whole. Never splits a surrogate pair.
 */
export function truncateMarked(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.lastIndexOf(" ", max - 1);
  if (cut < max * 0.7) cut = max - 1;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${s.slice(0, cut).trimEnd()}…`;
}
