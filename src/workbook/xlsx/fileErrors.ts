// The errors of reading and writing files, each naming the file and saying what to do.
import { RippleError } from "../../engine/errors";

export function fileNotFound(file: string): RippleError {
  return new RippleError(
    "file-not-found",
    {
      ja: "ファイルが見つかりません。パスを確認してください。",
      en: "File not found. Check the path.",
    },
    { file },
  );
}

export function fileUnreadable(file: string, reason: string): RippleError {
  return new RippleError(
    "file-unreadable",
    {
      ja: `ブックを読み込めません（${reason}）。Excel で開いて .xlsx 形式で保存し直してください。`,
      en: `Cannot read the workbook (${reason}). Open it in Excel and save it again as .xlsx.`,
    },
    { file },
  );
}

export function unsupportedFileType(file: string): RippleError {
  return new RippleError(
    "file-type-unsupported",
    {
      ja: "対応していないファイル形式です。.xlsx、.xls または .csv のファイルを指定してください。",
      en: "Unsupported file type. Give an .xlsx, .xls or .csv file.",
    },
    { file },
  );
}

/** A file named .xls whose bytes are not an Excel 97–2003 workbook (a renamed or damaged file):
 * "unsupported type" would contradict the name the user sees. */
export function notAnXls(file: string): RippleError {
  return new RippleError(
    "xls-not-workbook",
    {
      ja: "このファイルは名前が .xls ですが、Excel 97–2003 のブックではありません（中身がブックの形式で始まっていません）。Excel で開ける元のファイルを指定するか、.xlsx または .csv で保存し直してください。",
      en: "This file is named .xls but is not an Excel 97–2003 workbook (its content does not start like one). Give the original file, or save it again as .xlsx or .csv.",
    },
    { file },
  );
}

/** A file with the .xls signature whose compound-file container is damaged or holds no Excel
 * workbook stream (cfbCheck.ts): refused at once, before LibreOffice is started. */
export function xlsDamaged(file: string, what: { ja: string; en: string }): RippleError {
  return new RippleError(
    "xls-damaged",
    {
      ja: `この .xls ファイルは壊れているか、Excel のブックではありません（${what.ja}）。Excel で開ける元のファイルを指定するか、.xlsx または .csv で保存し直してください。`,
      en: `This .xls file is damaged or not an Excel workbook (${what.en}). Give the original file, or save it again as .xlsx or .csv.`,
    },
    { file },
  );
}

export function textUndecodable(file: string): RippleError {
  return new RippleError(
    "csv-encoding",
    {
      ja: "CSV の文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください。",
      en: "Cannot tell the CSV's character encoding (neither UTF-8 nor Shift_JIS). Save it again as UTF-8.",
    },
    { file },
  );
}

/** An error from the system (ENOENT, EACCES, ...) as a RippleError naming the file. */
export function fromSystemError(file: string, e: unknown): RippleError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return fileNotFound(file);
  if (code === "EISDIR") return fileUnreadable(file, "a folder, not a file");
  const msg = e instanceof Error ? e.message : String(e);
  return fileUnreadable(file, msg);
}
