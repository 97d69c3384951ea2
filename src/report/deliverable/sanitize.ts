// What a deliverable workbook may hold: values and native charts on the results sheets; formulas
// only on the audit sheet, and there only Excel's own functions on this workbook's cells — no
// RIPPLE.* custom functions and no external links, so the file opens the same without the
// add-in. Labels beginning with =, +, - or @ are strings in the spec, which every host writes as
// text (src/workbook/xlsx/writeCells.ts, src/workbook/office/cells.ts).

import { RippleError, RippleErrorList } from "../../engine/errors";
import { a1 } from "../../engine/grid";
import { isFormulaCell, type WorkbookSpec } from "../spec";
import { AUDIT_SHEET_KEY } from "./auditSheet";

/** The formula without its string literals ("..."), so text inside quotes is not mistaken for
 * a reference or a function. */
function withoutLiterals(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/** Why a formula cannot go into a deliverable, or null. */
export function formulaProblem(formula: string): { ja: string; en: string } | null {
  const f = withoutLiterals(formula);
  if (/\bRIPPLE\./i.test(f)) return { ja: "RIPPLE.* 関数（アドインが必要）を含みます", en: "it uses a RIPPLE.* function (needs the add-in)" };
  // [n]Sheet!A1 or '[book.xlsx]Sheet'!A1: a link to another workbook; also URLs and paths.
  // Sheet names cannot hold brackets, so any "[" is a workbook link (or a table reference).
  if (/\[/.test(f))
    return { ja: "ほかのブックへのリンク（外部参照）を含みます", en: "it links to another workbook (external reference)" };
  if (/(https?:|file:|\\\\)/i.test(f)) return { ja: "外部のファイルや URL を参照します", en: "it refers to an external file or URL" };
  return null;
}

/** Throws (all problems at once) when the spec is not a deliverable: a formula outside the audit
 * sheet, a RIPPLE.* function or an external reference anywhere. */
export function assertDeliverable(spec: WorkbookSpec): void {
  const problems: RippleError[] = [];
  for (const s of spec.sheets) {
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!isFormulaCell(v)) return;
          const where = { sheet: s.name, cell: a1(b.row + r, b.col + c) };
          if (s.key !== AUDIT_SHEET_KEY) {
            problems.push(
              new RippleError(
                "deliverable-formula",
                {
                  ja: "結果シートに数式があります。結果シートは値のみにしてください（数式は検算シートだけ）",
                  en: "A results sheet holds a formula; results sheets hold values only (formulas belong on the audit sheet)",
                },
                where,
              ),
            );
            return;
          }
          const why = formulaProblem(v.formula);
          if (why)
            problems.push(
              new RippleError(
                "deliverable-formula",
                { ja: `数式 =${v.formula} は共有用のブックに書けません: ${why.ja}`, en: `Formula =${v.formula} cannot go into a shared workbook: ${why.en}` },
                where,
              ),
            );
        }),
      );
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new RippleErrorList("deliverable-formulas", problems);
}

/** The spec with every formula outside the audit sheet replaced by the value it caches (a
 * report's convenience SUM, say): results sheets of a deliverable hold values only. A formula
 * without a cached value cannot be turned into one and is reported. */
export function valuesOnly(spec: WorkbookSpec): WorkbookSpec {
  const problems: RippleError[] = [];
  const sheets = spec.sheets.map((s) => {
    if (s.key === AUDIT_SHEET_KEY || !s.blocks.some((b) => b.values.some((row) => row.some(isFormulaCell)))) return s;
    return {
      ...s,
      blocks: s.blocks.map((b) => ({
        ...b,
        values: b.values.map((row, r) =>
          row.map((v, c) => {
            if (!isFormulaCell(v)) return v;
            if (v.array || v.value === undefined) {
              problems.push(
                new RippleError(
                  "deliverable-formula",
                  {
                    ja: `結果シートの数式 =${v.formula} には値がないため、値だけのブックにできません（レポート作成側の不具合です）`,
                    en: `Formula =${v.formula} on a results sheet has no value to keep, so the workbook cannot hold values only (a fault in the report builder)`,
                  },
                  { sheet: s.name, cell: a1(b.row + r, b.col + c) },
                ),
              );
              return v;
            }
            return v.value;
          }),
        ),
      })),
    };
  });
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new RippleErrorList("deliverable-formulas", problems);
  return { ...spec, sheets };
}
