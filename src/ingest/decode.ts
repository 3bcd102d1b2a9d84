// Bytes -> text. Everything later measures offsets in the string returned here, so every normalisation
// (BOM, line ends, charset fallback) happens once, in this file, before anyone counts characters.

/** A file's bytes as text, or why they could not be (cleanly) turned into text. */
export interface DecodeResult {
  /** The decoded text with BOM removed and CRLF / lone CR turned into LF; null when the bytes are not text. */
  text: string | null;
  /** The encoding actually used. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | null;
  /** A sentence for the user when something was off (fallback charset, binary content). */
  note?: string;
  /** True when `note` means the file was not read at all. */
  fatal?: boolean;
}

const BINARY_SNIFF_BYTES = 8192;

/**
 * Returns the offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past
 * U+10FFFF included), or -1 when the whole buffer is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** CRLF and lone CR become LF: the one line-end convention all offsets assume. */
export function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * Looks like binary: a NUL byte anywhere, or more than 10% C0 control characters (other than tab, LF, FF, CR,
 * ESC) in the first 8 KB. UTF-16 with a BOM is checked before this and is not binary.
 */
export function looksBinary(bytes: Uint8Array): string | null {
  if (bytes.indexOf(0) >= 0) return "binary file (contains NUL bytes)";
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (end > 0 && control / end > 0.1) return "binary file (mostly control characters)";
  return null;
}

/**
 * Decodes file bytes: UTF-16 when it starts with a UTF-16 BOM, otherwise UTF-8 (BOM stripped), falling back to
 * Windows-1252 (a superset of Latin-1, what old news files usually are) with a note naming the first bad byte.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: normalizeNewlines(new TextDecoder("utf-16le").decode(bytes.subarray(2))), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: normalizeNewlines(new TextDecoder("utf-16be").decode(bytes.subarray(2))), encoding: "utf-16be" };
  }
  const binary = looksBinary(bytes);
  if (binary) return { text: null, encoding: null, note: `${binary}, skipped`, fatal: true };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad < 0) return { text: normalizeNewlines(new TextDecoder("utf-8").decode(body)), encoding: "utf-8" };
  const offset = bad + (body === bytes ? 0 : 3);
  return {
    text: normalizeNewlines(new TextDecoder("windows-1252").decode(body)),
    encoding: "windows-1252",
    note: `not valid UTF-8 (byte 0x${(body[bad] as number).toString(16).toUpperCase().padStart(2, "0")} at offset ${offset}); decoded as Windows-1252`,
  };
}
