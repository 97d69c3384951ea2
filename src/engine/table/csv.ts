// CSV text -> Grid. Written here rather than with papaparse because the rules that matter are ours
// (which fields become numbers, what counts as a ragged line, decimal commas with `;`), and the
// quoting part is twenty lines.

import { RippleError } from "../errors";
import { LIMITS, overLimitText, type LimitName } from "../limits";
import { maxOf, a1, type CellValue, type Grid } from "../grid";
import { parseNumberText } from "./normalize";

type CsvRecord = { fields: string[]; quoted: boolean[]; line: number };

const QUOTE = 34;
const LF = 10;
const CR = 13;

function tooLarge(limit: LimitName, found: number, line: number, atLeast = false): RippleError {
  return new RippleError("input-too-large", overLimitText(limit, found, atLeast), { cell: a1(line - 1, 0) });
}

/** Lines of the text, counted natively and stopped at the limit: a file of a million rows is
 * refused before any field is built. */
function checkLineCount(text: string): void {
  // rows + 1 line ends mean rows + 1 lines at least (a final line end adds none).
  let ends = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
    if (++ends > LIMITS.rows) throw tooLarge("rows", ends, ends, true);
  }
}

/** splitRecords for a text without any quote: each line is one record, split natively (a start-up
 * cost: the character loop runs cold in a short run). Same records, same limits, same lines. */
export function splitPlain(text: string, delim: string): CsvRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === "") lines.pop(); // the end of the last line, not a line
  const out: CsvRecord[] = [];
  let cells = 0;
  for (let k = 0; k < lines.length; k++) {
    const fields = lines[k].split(delim);
    // The field at which the character loop would stop: too many columns or too many cells.
    const overCols = LIMITS.cols + 1;
    const overCells = LIMITS.csvCells - cells + 1;
    if (fields.length >= Math.min(overCols, overCells)) {
      if (overCols <= overCells) throw tooLarge("cols", overCols, k + 1, true);
      throw tooLarge("csvCells", LIMITS.csvCells + 1, k + 1, true);
    }
    cells += fields.length;
    out.push({ fields, quoted: new Array<boolean>(fields.length).fill(false), line: k + 1 });
  }
  return out;
}

/** Split CSV text into records of raw fields; `quoted` marks fields that were in quotes. Fields
 * are cut out of the text by slices between delimiters, not built a character at a time (that
 * made reading a 2,000-sector table mostly garbage collection). */
export function splitRecords(text: string, delim: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const D = delim.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let cells = 0;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  for (;;) {
    // One field from i: plain text up to the delimiter or end of line; a quote at its start
    // (after blanks only) opens a quoted part, and text after the closing quote is kept.
    let cur = "";
    let wasQuoted = false;
    let seg = i;
    let j = i;
    let stop = -1; // code at the end of the field: delimiter, CR, LF or -1 (end of text)
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === D || c === LF || c === CR) {
        stop = c;
        break;
      }
      if (c === QUOTE && (cur + text.slice(seg, j)).trim() === "") {
        wasQuoted = true;
        cur = "";
        let k = j + 1;
        for (;;) {
          const close = text.indexOf('"', k);
          if (close < 0) {
            throw new RippleError("csv.unclosed-quote", {
              ja: `${recordLine} 行目で始まる引用符（"）が閉じていません。CSV ファイルを確認してください。`,
              en: `The quote (") opened on line ${recordLine} is never closed. Check the CSV file.`,
            });
          }
          const part = text.slice(k, close);
          for (let at = part.indexOf("\n"); at >= 0; at = part.indexOf("\n", at + 1)) line++;
          cur += part;
          if (text.charCodeAt(close + 1) === QUOTE) {
            cur += '"';
            k = close + 2;
          } else {
            j = close + 1;
            break;
          }
        }
        seg = j;
        continue;
      }
      j++;
    }
    cur += text.slice(seg, j);
    const atEnd = stop < 0;
    if (!atEnd || cur !== "" || fields.length > 0) {
      fields.push(cur);
      quoted.push(wasQuoted);
      if (fields.length > LIMITS.cols) throw tooLarge("cols", fields.length, recordLine, true);
      if (++cells > LIMITS.csvCells) throw tooLarge("csvCells", cells, recordLine, true);
    }
    if (stop === D) {
      i = j + 1;
      continue;
    }
    if (fields.length > 0) out.push({ fields, quoted, line: recordLine });
    if (atEnd) break;
    i = stop === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
    fields = [];
    quoted = [];
    line++;
    recordLine = line;
  }
  return out;
}

/** The first `count` lines of the text that are not blank, cut out without splitting the whole
 * text (line ends: CRLF, LF or CR). */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at <= text.length && lines.length < count) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    const line = text.slice(at, end);
    if (line.trim() !== "") lines.push(line);
    if (end >= text.length) break;
    at = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
  return lines;
}

/** How many times `d` splits the line outside quotes. */
function delimiterCount(line: string, d: number): number {
  let n = 0;
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) q = !q;
    else if (c === d && !q) n++;
  }
  return n;
}

/** The delimiter that splits the first lines most consistently: `,`, `;` or tab. */
function detectDelimiter(text: string): string {
  const lines = firstLines(text, 20);
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t"]) {
    const code = d.charCodeAt(0);
    const counts = lines.map((l) => delimiterCount(l, code));
    const multi = counts.filter((c) => c > 0);
    if (multi.length === 0) continue;
    // Lines that agree on the field count, weighted by that count.
    const freq = new Map<number, number>();
    for (const c of multi) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * c + f * 1000);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** A plain decimal number as programs write it ("123", "-0.25", "1.5e-3"), read without the
 * normalisation a label needs; a leading-zero code such as "01" is not one. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function fieldValue(raw: string, quoted: boolean, decimalComma: boolean): CellValue {
  if (!decimalComma && PLAIN_NUMBER.test(raw)) {
    const v = Number(raw);
    if (Number.isFinite(v)) return v;
  }
  const t = quoted ? raw : raw.trim();
  if (t.trim() === "") return null;
  const s = t.trim();
  // Codes such as 01 keep their leading zero (they are labels, not quantities).
  if (/^[+-]?0\d/.test(s) && !/^[+-]?0[.,]/.test(s)) return s;
  let v = parseNumberText(s, decimalComma);
  // A `;` file may still use a decimal point ("0.25"); only "1.234" is read as thousands.
  if (v === null && decimalComma && !s.includes(",")) v = parseNumberText(s, false);
  return v === null ? s : v;
}

/**
 * Parse CSV text. Delimiter `,`, `;` (then `,` is the decimal separator and `.` groups
 * thousands, the European convention that is why `;` is used) or tab. A BOM is dropped, CRLF/CR
 * accepted, empty fields are null, numbers (also "1,234" in quotes) become numbers, and anything
 * else stays text for the recogniser to judge ("-", "…").
 * A ragged file is an error: a line with more fields than the table has, or a short line that
 * holds numbers (a shifted data row). Short lines without numbers (titles, notes) are padded.
 */
export function parseCsv(text: string, name: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new RippleError(
      "csv.empty",
      { ja: "CSV ファイルが空です。表を含むファイルを指定してください。", en: "The CSV file is empty. Give a file that holds a table." },
      { file: name },
    );
  }
  checkLineCount(body);
  const delim = detectDelimiter(body);
  const decimalComma = delim === ";";
  const records = body.includes('"') ? splitRecords(body, delim) : splitPlain(body, delim);
  // Drop trailing empty fields so that padding differences do not count as raggedness.
  const trimmed = records.map((r) => {
    let n = r.fields.length;
    while (n > 0 && r.fields[n - 1].trim() === "" && !r.quoted[n - 1]) n--;
    return { ...r, n };
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].n === 0) trimmed.pop();
  // The table width: the most common raw field count among lines with several fields.
  const freq = new Map<number, number>();
  for (const r of trimmed) if (r.fields.length > 1) freq.set(r.fields.length, (freq.get(r.fields.length) ?? 0) + 1);
  let width = 0;
  let bestF = 0;
  for (const [w, f] of freq) if (f > bestF || (f === bestF && w > width)) [width, bestF] = [w, f];
  if (width === 0) width = Math.max(1, maxOf(trimmed.map((r) => r.n)));
  const values: CellValue[][] = [];
  for (const r of trimmed) {
    const row = r.fields.slice(0, r.n).map((f, i) => fieldValue(f, r.quoted[i], decimalComma));
    const numbers = row.filter((v) => typeof v === "number").length;
    if (r.n > width || (r.fields.length > 1 && r.fields.length < width && numbers >= 2)) {
      throw new RippleError(
        "csv.ragged",
        {
          ja: `${r.line} 行目のフィールド数が ${r.fields.length} で、表の ${width} と一致しません（区切り文字「${delim === "\t" ? "タブ" : delim}」）。引用符のない桁区切りのカンマや欠けたセルがないか確認してください。`,
          en: `Line ${r.line} has ${r.fields.length} fields but the table has ${width} (delimiter '${delim === "\t" ? "tab" : delim}'). Look for an unquoted thousands separator or a missing cell.`,
        },
        { file: name, cell: a1(values.length, r.n > width ? width : r.fields.length) },
      );
    }
    values.push(row);
  }
  // Columns that are empty in every line (trailing padding) are dropped.
  const used = Math.max(1, maxOf(values.map((r) => r.length)));
  if (values.length * used > LIMITS.csvCells) throw tooLarge("csvCells", values.length * used, values.length);
  for (const row of values) while (row.length < used) row.push(null);
  return { sheet: name, origin: { row: 0, col: 0 }, values };
}
