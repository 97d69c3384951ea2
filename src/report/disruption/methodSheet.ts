// The disruption workbook's method sheet: formulas, limits, parameters with their sources.

import { DISRUPTION_METHOD_NOTES, GHOSH_LABEL, type MethodNote } from "../../engine/disruption";
import { type Bilingual } from "../../engine/errors";
import { D, DISRUPTION_SHEETS } from "../disruptionLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { SheetSpec } from "../spec";
import { type DisruptionContext } from "./context";

/** 途絶・方法と出典 / Method */
export function methodSheet(ctx: DisruptionContext, sheets: SheetSpec[]): void {
  const { input, result, tr, spec, warnings, inoNote, parameters, createdAt } = ctx;
  const s = new SheetBuilder("disruption-method", tr(DISRUPTION_SHEETS.method));
  s.add([[tr(DISRUPTION_SHEETS.method)]], "title");
  s.skip();
  s.add([[tr(D.cutConversion)]], "body");
  s.skip();
  const notes: [MethodNote, Bilingual | undefined][] = [[inoNote, undefined]];
  if (result.prices) notes.push([DISRUPTION_METHOD_NOTES.prices, undefined]);
  if (result.extraction) notes.push([DISRUPTION_METHOD_NOTES.extraction, undefined]);
  if (result.ghosh) notes.push([DISRUPTION_METHOD_NOTES.ghosh, GHOSH_LABEL]);
  for (const [note, label] of notes) {
    s.add([[`${tr(note.title)}${label ? `（${tr(label)}）` : ""}`]], "subtitle");
    s.add(
      [
        [tr(D.formula), note.formula],
        [tr(D.description), tr(note.body)],
        [tr(D.limits), tr(note.limits)],
        ...note.sources.map((src, j) => [j === 0 ? tr(D.sources) : null, src]),
      ],
      "body",
    );
    s.skip();
  }
  s.add([[tr(D.parameters)]], "subtitle");
  s.add([[tr(D.item), tr(D.value), tr(D.source)]], "header");
  s.add(parameters.map((p) => [p.name, p.value, p.source]), "body");
  s.skip();
  if (spec.notes?.length) {
    s.add([[tr(D.notes)]], "subtitle");
    s.add(spec.notes.map((t) => [t]), "body");
    s.skip();
  }
  s.add([[tr(D.inputs)]], "subtitle");
  s.add([[tr(D.description), tr(D.sheet), tr(D.range), tr(D.checksum)]], "header");
  s.add(input.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null]), "body");
  s.skip();
  s.add([[tr(D.warnings)]], "subtitle");
  s.add(warnings.length ? warnings.map((w) => [w]) : [[tr(D.noWarnings)]], "body");
  s.skip();
  s.add(
    [
      [tr(D.software), "Ripple"],
      [tr(D.version), input.version],
      [tr(D.createdAt), createdAt],
    ],
    "body",
  );
  sheets.push(s.build({ columnWidths: { 0: 30, 1: 100, 2: 50, 3: 74 } }));
}
