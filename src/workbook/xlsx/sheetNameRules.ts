// Excel's rules for sheet names. The report layer resolves names (resolveSheetNames) before a
// host writes; this check stops a wrong name from producing a file Excel refuses to open.
import { RippleError } from "../../engine/errors";

const FORBIDDEN = /[\\/?*[\]:]/;

/** Throws when a name breaks Excel's rules or repeats an earlier name (case-insensitive). */
export function checkSheetNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const problem = sheetNameProblem(name);
    if (problem) {
      throw new RippleError("sheet-name-invalid", problem, { sheet: name });
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw new RippleError(
        "sheet-name-duplicate",
        {
          ja: "同じ名前のシートが二つあります。シート名を変えてください。",
          en: "Two sheets have this name. Rename one of them.",
        },
        { sheet: name },
      );
    }
    seen.add(key);
  }
}

function sheetNameProblem(name: string): { ja: string; en: string } | null {
  if (name.trim().length === 0) {
    return { ja: "シート名が空です。名前を付けてください。", en: "The sheet name is empty. Give it a name." };
  }
  if (name.length > 31) {
    return {
      ja: "シート名が 31 文字を超えています。短くしてください。",
      en: "The sheet name is longer than 31 characters. Shorten it.",
    };
  }
  if (FORBIDDEN.test(name)) {
    return {
      ja: "シート名に使えない文字（\\ / ? * [ ] :）が含まれています。取り除いてください。",
      en: "The sheet name contains a character Excel forbids (\\ / ? * [ ] :). Remove it.",
    };
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    return {
      ja: "シート名の先頭と末尾にアポストロフィ（'）は使えません。",
      en: "A sheet name cannot begin or end with an apostrophe (').",
    };
  }
  if (name.toLowerCase() === "history") {
    return { ja: "「History」は Excel の予約名です。別の名前にしてください。", en: "'History' is reserved by Excel. Use another name." };
  }
  return null;
}
