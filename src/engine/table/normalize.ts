// Label normalisation shared by the recogniser, the mapping, the employment sheet and the shock
// reader: labels match whatever their width (全角/半角), case or spacing.

import { normalizeLabelText } from "./labelText";

/** Key used to match labels: NFKC (full-width → half-width, （） → ()), lower case, whitespace
 * as printed layout removed (normalizeLabelText: line breaks, padding spaces). */
export function labelKey(text: string): string {
  return normalizeLabelText(text)
    .replace(/[\u2010-\u2015\u2212\uFF0D]/g, "-")
    .replace(FOOTNOTE, "")
    .toLowerCase();
}

/** A footnote mark after a label ('分類不明※', '国内生産額 *', '調整項(注2)', '公務注1)') refers to
 * a note below the table; it is not part of the label. */
const FOOTNOTE = /\s*(?:※\d*|\*+|\(注\d*\)|注\d+\))$/;

/** Key for codes: like labelKey, and a purely numeric code loses its leading zeros ("01" = "1"),
 * because Excel turns the text code 01 into the number 1 whenever it gets the chance. */
export function codeKey(code: string): string {
  const k = labelKey(code);
  return /^\d+$/.test(k) ? String(Number(k)) : k;
}

/** Codes look like 01, 105, P1, D21X31, B2A3N, CPA_A, CPA_B-E, EMP-WS, TOTAL (not like words). */
export function isCodeLike(text: string): boolean {
  const t = text.normalize("NFKC").trim();
  if (t === "") return false;
  if (/^\d+[A-Za-z]?$/.test(t)) return true;
  if (/^[A-Za-z]{1,4}\d[0-9A-Za-z._-]*$/.test(t)) return true;
  if (/^[A-Z]{1,5}([_-][A-Z0-9]+)*(-[A-Z0-9]+)*$/.test(t)) return true;
  return false;
}

/** "01 農林水産業" / "011 耕種農業" / "P1 Output" -> code and name; null when the cell is not of
 * that form. The code must contain a digit so that "Total output" is not split. */
export function splitCodeName(text: string): { code: string; name: string } | null {
  // e-Stat database downloads join them with an underscore: "01_農林水産業", "87_（控除）輸入計".
  const u = /^([0-9\uFF10-\uFF19]+)[_\uFF3F](\S.*)$/.exec(text.trim());
  if (u) return { code: u[1].normalize("NFKC"), name: u[2].trim() };
  const m = /^([0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A][0-9A-Za-z._\-\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]*)[\s\u3000:\uFF1A]+(\S.*)$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const code = m[1].normalize("NFKC");
  if (!/\d/.test(code) || !isCodeLike(code)) return null;
  return { code, name: m[2].trim() };
}

/** Placeholders statistics offices print for "nothing" (zero or not applicable): a dash of any
 * width ('－' 該当数値なし in Japanese official statistics), '・'. */
export function isPlaceholder(text: string): boolean {
  return /^(?:[-\u2010-\u2015\u2212\u30FB\uFF65]+)$/.test(text.normalize("NFKC").trim());
}

/** What a statistics office prints instead of a figure it does not publish. Read as 0 these would
 * be wrong numbers, so a table holding one is refused with the cell:
 * - confidential: 'x' / 'X' / '×' / '秘匿' (Japanese 秘匿, ONS '[x]' / '[c]');
 * - unavailable: '…' / '...' (数値が得られないもの, 不詳), '..' (OECD, ONS), ':' (Eurostat), 'n.a.', 'N/A'. */
export type Marker = "confidential" | "unavailable";

export function markerOf(text: string): Marker | null {
  const t = text.normalize("NFKC").trim();
  if (/^(?:x|X|×|\[[xXcC]\]|\([xX]\)|秘匿|秘)$/.test(t)) return "confidential";
  if (/^(?:\.{2,}|・・・|:|n\.\s?a\.?|N\/A|#N\/A|不詳)$/i.test(t)) return "unavailable";
  return null;
}

/** A number written as text: "1,234", "-1,234.5", "（1,234）" is not accepted (ambiguous). */
export function parseNumberText(text: string, decimalComma = false): number | null {
  // '△1,234' / '▲1,234' is how Japanese tables print −1,234.
  let t = text.normalize("NFKC").trim().replace(/\u2212/g, "-").replace(/^[\u25B3\u25B2]\s*(?=[\d.])/, "-");
  if (t === "") return null;
  if (decimalComma) {
    if (!/^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?([eE][+-]?\d+)?$/.test(t)) return null;
    t = t.replace(/\./g, "").replace(",", ".");
  } else {
    if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?([eE][+-]?\d+)?$/.test(t) || !/\d/.test(t)) return null;
    t = t.replace(/,/g, "");
  }
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
