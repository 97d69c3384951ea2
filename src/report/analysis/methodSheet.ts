// 閉鎖型モデル Type II (when asked) and 方法・出典 of the analysis workbook.

import { addPurchaserMethod } from "../purchaserSection";
import type { SheetSpec } from "../spec";
import { SheetBuilder } from "../sheetBuilder";
import { IMPORT_TYPES, SECOND_STAGE_TEXT, SHEET_NAMES, TEXT } from "../labels";
import { FIGURE_SOURCES, buildTypeIISheet, figureSourceRows } from "../typeIISheet";
import { type AnalysisContext } from "./context";

/** 閉鎖型モデル Type II (asked for only), right after the summary: the two ripple effects side by side (when present) */
export function typeIISheet(ctx: AnalysisContext, sheets: SheetSpec[]): void {
  const { input, table, lang, sectors } = ctx;
if (input.typeII) {
  const at = sheets.findIndex((x) => x.key === "summary") + 1;
  sheets.splice(at, 0, buildTypeIISheet(input.typeII, sectors, table.unit, lang));
}
}

/** 方法・出典 / Method & sources */
export function methodSheet(ctx: AnalysisContext, sheets: SheetSpec[]): void {
  const { input, result, table, options, lang, tr, importType, inverseText, createdAt, warnings, parameters } = ctx;
  const figureSources = figureSourceRows(sheets.map((x) => x.key), lang, Boolean(input.typeII));
  const s = new SheetBuilder("methods", tr(SHEET_NAMES.methods));
  s.add([[tr(SHEET_NAMES.methods)]], "title");
  s.skip();
  s.add([[tr(TEXT.inputs)]], "subtitle");
  s.add([[tr(TEXT.description), tr(TEXT.sheet), tr(TEXT.range), tr(TEXT.checksum)]], "header");
  s.add(
    input.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null]),
    "body",
  );
  s.skip();
  s.add([[tr(TEXT.importConvention)]], "subtitle");
  const reason = options.importTypeReason ?? table.layout?.importTypeReason ?? null;
  s.add(
    [
      [tr(TEXT.importConvention), tr(IMPORT_TYPES[importType])],
      [tr(TEXT.source), tr(options.importTypeSource === "user" ? TEXT.userChosen : TEXT.detected)],
      ...(reason ? [[tr(TEXT.why), tr(reason)]] : []),
      [tr(TEXT.inverseFormula), `L = ${inverseText}`],
    ],
    "body",
  );
  s.skip();
  if (input.purchaser) {
    addPurchaserMethod(s, input.purchaser, table, lang);
    s.skip();
  }
  s.add([[tr(TEXT.secondStageMethod)]], "subtitle");
  s.add([[tr(SECOND_STAGE_TEXT)]], "body");
  if (result.effects.employment !== null) s.add([[tr(TEXT.employmentUnitNote)]], "note");
  s.skip();
  s.add([[tr(FIGURE_SOURCES.heading)]], "subtitle");
  s.add([[tr(FIGURE_SOURCES.sheet), tr(FIGURE_SOURCES.model)]], "header");
  s.add(figureSources, "body");
  s.skip();
  s.add([[tr(TEXT.parameters)]], "subtitle");
  s.add([[tr(TEXT.name), tr(TEXT.value), tr(TEXT.source)]], "header");
  s.add(
    parameters.map((p) => [p.name, p.value, p.source]),
    "body",
  );
  s.skip();
  s.add([[tr(TEXT.warnings)]], "subtitle");
  s.add(warnings.length ? warnings.map((w) => [w]) : [[tr(TEXT.noWarnings)]], "body");
  s.skip();
  s.add(
    [
      [tr(TEXT.software), "Ripple"],
      [tr(TEXT.version), input.version],
      [tr(TEXT.createdAt), createdAt],
    ],
    "body",
  );
  sheets.push(s.build({ columnWidths: { 0: 28, 1: 40, 2: 24, 3: 74 } }));
}
