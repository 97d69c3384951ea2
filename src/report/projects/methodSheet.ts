// 方法・出典 of the plans workbook: method, parameters with their sources, converters and splits.

import { blockName, parameterName, sourceName, unitName } from "../../engine/params/names";
import { IMPORT_TYPES, SECOND_STAGE_TEXT } from "../labels";
import { methodSentences, P, PROJECT_SHEETS } from "../projectLabels";
import { SheetBuilder } from "../sheetBuilder";
import type { CellSpec, SheetSpec } from "../spec";
import { type ProjectsContext, F, PERCENT_PARAMETERS } from "./context";

/** 方法・出典 / Method & sources */
export function methodSheet(ctx: ProjectsContext, sheets: SheetSpec[]): void {
  const { input, ev, lang, table, model, tr, money, periodText, rateText, converterNames, splitNames, createdAt, addParam } = ctx;
  const s = new SheetBuilder("methods", tr(PROJECT_SHEETS.methods));
  s.add([[tr(P.methodsTitle)]], "title");
  s.skip();
  s.add([[tr(P.method)]], "subtitle");
  const sentences = methodSentences({
    converter: converterNames,
    discount: rateText,
    discountSource: tr(ev.discountRate.source),
    baseYear: ev.baseYear,
    split: splitNames,
  });
  s.add(sentences.map((x) => [tr(x)]), "note");
  s.skip();
  s.add([[tr(P.inputs)]], "subtitle");
  s.add([[tr(P.description), tr(P.sheet), tr(P.range), tr(P.checksum)]], "header");
  s.add(input.inputs.map((i) => [i.description, i.sheet ?? null, i.range ?? null, i.checksum ?? null]), "body");
  s.skip();

  s.add([[tr(P.evaluationParams)]], "subtitle");
  s.add([[tr(P.name), tr(P.value), tr(P.source)]], "header");
  const evalRows: CellSpec[][] = [
    [tr(P.discountRate), ev.discountRate.value, tr(ev.discountRate.source)],
    [tr(P.baseYear), ev.baseYear, input.baseYearSource === "user" ? tr(P.userGiven) : tr(P.baseYearDefault)],
    [tr(P.period), periodText, input.periodSource === "user" ? tr(P.userGiven) : tr(P.periodDefault)],
  ];
  const kpiCap = ev.kpis.find((k) => k.key === "capacity-ratio");
  if (kpiCap?.year) evalRows.push([tr(P.kpiYear), kpiCap.year, tr(kpiCap.sources[0])]);
  // The rate reads as a percentage (4.0%), not 0.04.
  s.add(evalRows.slice(0, 1), "body", [null, "0.0%", null]);
  s.add(evalRows.slice(1), "body", [null, null, null]);
  for (const r of evalRows) addParam(String(r[0]), r[1] as string | number, String(r[2]));
  s.skip();

  s.add([[tr(P.modelParams)]], "subtitle");
  s.add([[tr(P.name), tr(P.value), tr(P.source)]], "header");
  const mp = input.modelOptions.parameters.map((p): CellSpec[] => {
    const src = p.source.kind === "user" ? tr(P.userGiven) : typeof p.source.text === "string" ? p.source.text : tr(p.source.text);
    const value = typeof p.value === "object" ? tr(p.value) : p.value;
    addParam(tr(p.name), value, src);
    return [tr(p.name), value, src];
  });
  const importType = model.importType;
  mp.push([tr({ ja: "輸入の扱い", en: "Import convention" }), tr(IMPORT_TYPES[importType]), input.modelOptions.importTypeSource === "user" ? tr(P.userGiven) : tr({ ja: "表から判定", en: "detected from the table" })]);
  s.add(mp, "body");
  s.add([[tr(P.secondStage)], [tr(SECOND_STAGE_TEXT)]], "note");
  s.skip();

  s.add([[tr(P.convertersTitle)]], "subtitle");
  s.add([[tr(P.converter), tr(P.sector), tr(P.share), tr(P.selfSufficiencyUsed), tr(P.selfSufficiencyWhy), tr(P.source)]], "header");
  const ss = model.selfSufficiency();
  const convRows: CellSpec[][] = [];
  for (const conv of input.converters.values())
    for (const [i, share] of conv.shares) {
      const over = conv.selfSufficiency.get(i);
      convRows.push([conv.name, table.sectors[i].label, share, over ?? ss[i], over !== undefined ? tr(P.override) : tr(P.fromTable), conv.rowSources?.get(i) ?? conv.source]);
    }
  s.add(convRows, "body", [null, null, F.percent, F.ratio, null, null]);
  s.skip();

  s.add([[tr(P.splitTitle)]], "subtitle");
  if (input.splits.length === 0) s.add([[tr(P.noSplit)]], "body");
  for (const d of input.splits) {
    s.add([[tr(P.newSector), d.label], [tr(P.parent), d.parentLabel]], "body");
    s.add([[money(P.output), d.output]], "body", [null, F.money]);
    s.add([[tr(P.outputShare), d.share]], "body", [null, "0.000000"]);
    s.add([[tr(P.source), d.sources.join(" / ") || "—"]], "body");
    // Numbers on their own rows so their formats apply.
    if (d.inputs) {
      s.add([[tr(P.inputCoefficients), tr(P.sector), tr(P.value), tr(P.source)]], "header");
      s.add(
        d.inputs.map((x) => [null, x.label, x.coefficient, x.source || null]),
        "body",
        [null, null, F.factor, null],
      );
      const gva = 1 - d.inputs.reduce((a, x) => a + x.coefficient, 0);
      s.add([[tr(P.gvaCoefficient), null, gva, null]], "total", [null, null, F.factor, null]);
    } else s.add([[tr(P.inputCoefficients), tr(P.parentStructure)]], "body");
    s.skip();
  }

  if (input.parameters) {
    s.add([[tr(P.parameterSheet)]], "subtitle");
    s.add([[tr(P.gradeNote)], [tr(P.usedNote)]], "note");
    s.add([[tr(P.block), tr(P.parameter), tr(P.value), tr(P.unitCol), tr(P.low), tr(P.high), tr(P.grade), tr(P.source), tr(P.used)]], "header");
    // One block per row, so a rate (割引率) reads as a percentage (4.0%) like everywhere else.
    for (const p of input.parameters) {
      const row: CellSpec[] = [
        blockName(p.block, lang),
        parameterName(p.block, p.name, lang),
        p.value,
        unitName(p.unit, lang),
        p.low,
        p.high,
        p.grade,
        sourceName(p.source, lang),
        input.usedParameters.has(`${p.block}/${p.name}`) ? tr(P.yes) : null,
      ];
      s.add([row], "body", PERCENT_PARAMETERS.has(`${p.block}/${p.name}`) ? [null, null, F.percent, null, F.percent, F.percent] : undefined);
    }
    s.skip();
  }

  s.add([[tr(P.warnings)]], "subtitle");
  s.add(input.warnings.length ? input.warnings.map((w) => [w]) : [[tr(P.none)]], "body");
  s.skip();
  s.add(
    [
      [tr(P.software), "Ripple"],
      [tr(P.version), input.version],
      [tr(P.createdAt), createdAt],
    ],
    "body",
  );
  sheets.push(s.build({ columnWidths: { 0: 48, 1: 34, 2: 14, 3: 18, 4: 22, 5: 40, 6: 8, 7: 70, 8: 12 } }));
}
