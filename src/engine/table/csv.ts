// CSV text -> Grid. Written here rather than with papaparse because the rules that matter are ours
// (which fields become numbers, what counts as a ragged line, decimal commas with `;`), and the
// quoting part is twenty lines.

import { RippleError } from "../errors";
import { a1, type CellValue, type Grid } from "../grid";
import { parseNumberText } from "./normalize";

/** Split CSV text into records of raw fields; `quoted` marks fields that were in quotes. */
function splitRecords(text: string, delim: string): { fields: string[]; quoted: boolean[]; line: number }[] {
  const out: { fields: string[]; quoted: boolean[]; line: number }[] = [];
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let cur = "";
  let inQuotes = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        cur += ch;
      }
      continue;
    }
    if (ch === '"' && cur.trim() === "") {
      inQuotes = true;
      wasQuoted = true;
      cur = "";
    } else if (ch === delim) {
      fields.push(cur);
      quoted.push(wasQuoted);
      cur = "";
      wasQuoted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(cur);
      quoted.push(wasQuoted);
      out.push({ fields, quoted, line: recordLine });
      fields = [];
      quoted = [];
      cur = "";
      wasQuoted = false;
      line++;
      recordLine = line;
    } else cur += ch;
  }
  if (inQuotes) {
    throw new RippleError("csv.unclosed-quote", {
      ja: `${recordLine} 行目で始まる引用符（"）が閉じていません。CSV ファイルを確認してください。`,
      en: `The quote (") opened on line ${recordLine} is never closed. Check the CSV file.`,
    });
  }
  if (cur !== "" || fields.length > 0) {
    fields.push(cur);
    quoted.push(wasQuoted);
    out.push({ fields, quoted, line: recordLine });
  }
  return out;
}

/** The delimiter that splits the first lines most consistently: `,`, `;` or tab. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n|\r/).filter((l) => l.trim() !== "").slice(0, 20);
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t"]) {
    const counts = lines.map((l) => {
      let n = 0;
      let q = false;
      for (const ch of l) {
        if (ch === '"') q = !q;
        else if (ch === d && !q) n++;
      }
      return n;
    });
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

function fieldValue(raw: string, quoted: boolean, decimalComma: boolean): CellValue {
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
  const delim = detectDelimiter(body);
  const decimalComma = delim === ";";
  const records = splitRecords(body, delim);
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
  if (width === 0) width = Math.max(1, ...trimmed.map((r) => r.n));
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
  const used = Math.max(1, ...values.map((r) => r.length));
  for (const row of values) while (row.length < used) row.push(null);
  return { sheet: name, origin: { row: 0, col: 0 }, values };
}
