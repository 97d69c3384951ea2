// Text as an .xlsx part can carry it. XML 1.0 has no form at all for most C0 controls, lone
// surrogates, U+FFFE and U+FFFF (a file holding them is ill-formed and Excel refuses to open it);
// the other non-characters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF of every plane) are legal but
// "discouraged" and not text. All of them are written as U+FFFD, so the reader sees that a
// character was replaced. And Excel holds at most 32,767 characters in a cell: a longer text is
// refused with its cell named rather than truncated by Excel on open.
import { RippleError } from "../../engine/errors";

/** Excel's limit on the characters of one cell (Excel specifications and limits). */
export const EXCEL_CELL_CHARS_MAX = 32_767;

// eslint-disable-next-line no-control-regex
const NOT_XML_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\p{Cs}|\p{Noncharacter_Code_Point}/gu;

export function xmlSafeText(s: string): string {
  return s.replace(NOT_XML_TEXT, "\ufffd");
}

/** The cell's text as it can be written, or a refusal naming sheet and cell. */
export function cellText(s: string, sheet: string, cell: string): string {
  if (s.length > EXCEL_CELL_CHARS_MAX)
    throw new RippleError(
      "cell-too-long",
      {
        ja: `${s.length.toLocaleString("en")} 文字あり、Excel の 1 セルの上限 ${EXCEL_CELL_CHARS_MAX.toLocaleString("en")} 文字を超えます。ラベルや入力を短くしてください。`,
        en: `${s.length.toLocaleString("en")} characters, more than the ${EXCEL_CELL_CHARS_MAX.toLocaleString("en")} Excel holds in one cell. Shorten the label or input.`,
      },
      { sheet, cell },
    );
  return xmlSafeText(s);
}
