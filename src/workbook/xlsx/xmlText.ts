// Escaping for text placed in XML parts written by hand (chart, drawing, relationships).
import { xmlSafeText } from "./cellText";

export function xmlEscape(s: string): string {
  // Characters XML 1.0 cannot carry (controls other than tab, LF, CR; lone surrogates) and the
  // non-characters become U+FFFD (cellText.ts).
  return xmlSafeText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Attribute text back to characters (the five named entities and numeric references). */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

/** The attributes of every element with this (qualified) name, in document order. Enough for
 * the machine-written package parts read here (workbook, relationships); not a general parser. */
export function elementAttributes(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${name.replace(/[.:]/g, "\\$&")}(\\s[^>]*?)?/?>`, "g");
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? "").matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]] = xmlUnescape(a[3] ?? a[4] ?? "");
    }
    out.push(attrs);
  }
  return out;
}
