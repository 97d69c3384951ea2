// The text of a CSV file from its bytes. Japanese statistics offices and Excel's "CSV" save in
// Shift_JIS (cp932) as often as in UTF-8, so both are read: UTF-8 (with or without a BOM) when
// the bytes are valid UTF-8, otherwise Shift_JIS. UTF-16 is read when it carries a BOM.

export type TextEncoding = "utf-8" | "shift_jis" | "utf-16le" | "utf-16be";

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: the BOM was removed above; a second one would be data.
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    if (hasBom) return null; // declared UTF-8 but broken: not a Shift_JIS file either
  }
  try {
    // Node's "shift_jis" decoder (full ICU) follows the WHATWG encoding, i.e. Windows cp932.
    return { text: new TextDecoder("shift_jis", { fatal: true }).decode(body), encoding: "shift_jis" };
  } catch {
    return null;
  }
}
