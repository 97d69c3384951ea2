// 計画別 / By plan: the plans' descriptions, their effects, the plans × years output and the
// plans' notes, laid out to print one A4 landscape page wide at about 9 pt. Every table shares
// the same columns: the plan ID and company on the left, then number columns of one narrow
// width (their headers wrap); the text columns of the description span several of them, and
// the notes (long texts) sit in a block of their own under the tables, wrapped across the page,
// instead of a column that ran over pages of its own.

import type { Bilingual, Lang } from "../engine/errors";
import { a1 } from "../engine/grid";
import type { Evaluation } from "../engine/projects/evaluate";
import { MAGNET_TYPES, TREATMENTS } from "../engine/projects/schema";
import type { IOTable } from "../engine/table/types";
import { MEASURES, withUnit, yearLabel } from "./labels";
import { P, PROJECT_SHEETS } from "./projectLabels";
import { labelWidth, SheetBuilder, wrappedLines } from "./sheetBuilder";
import type { CellSpec, FormulaCell, SheetSpec } from "./spec";

export interface ByProjectFormats {
  money: string;
  ratio: string;
  percent: string;
  tonnes: string;
}

/** Width of every number column, in characters: the widest figure of the demo (a cumulative
 * output of 6 digits with a thousands separator and one decimal) fits; headers wrap. */
export const BY_PROJECT_NUMBER_WIDTH = 10;

/** Description columns: 非公開 in one number column, magnet type over three, treatment and
 * sector over two each, then capacity and start year. */
const DESC = { confidential: 2, type: 3, treatment: 6, sector: 8, capacity: 10, start: 11, last: 11 } as const;

const sumOf = (v: number[]) => v.reduce((a, b) => a + b, 0);
const sumF = (col: number, first: number, last: number, value: number): FormulaCell => ({
  formula: `SUM(${a1(first, col)}:${a1(last, col)})`,
  value,
});

function choiceLabel(list: { value: string; label: Bilingual }[], v: string, lang: Lang): string {
  return list.find((c) => c.value === v)?.label[lang] ?? v;
}

/** A row of `n` cells with `at` placed at their columns. */
function spread(n: number, at: Record<number, CellSpec>): CellSpec[] {
  return Array.from({ length: n }, (_, c) => (c in at ? at[c] : null));
}

/** Most lines a wrapped header may take (the writer's row height stops at six). */
const HEADER_LINES = 5;
const boldWidth = (t: string) => (labelWidth([t], 0, 999) - 2) * 1.1;

/** English headers wrap at spaces: a number column is widened until its header's longest word
 * fits (no "investmen t") and the header takes at most HEADER_LINES lines. Japanese headers wrap
 * anywhere, so their columns keep the common width. */
function fitWordHeaders(widths: Record<number, number>, header: string[]): void {
  header.forEach((h, c) => {
    if (c < 2) return;
    let w = Math.max(widths[c], Math.ceil(Math.max(...h.split(" ").map(boldWidth))) + 2);
    while (wrappedLines(h, w - 1, boldWidth) > HEADER_LINES) w++;
    widths[c] = w;
  });
}

export function buildByProjectSheet(ev: Evaluation, table: IOTable, unit: string, lang: Lang, F: ByProjectFormats): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const money = (b: Bilingual) => withUnit(b, unit, lang);
  const s = new SheetBuilder("byProject", tr(PROJECT_SHEETS.byProject));
  s.add([[tr(P.byProjectTitle)], [`${tr(P.unit)}: ${unit}. ${tr(P.totalCheck)}`]], "title");
  if (ev.projects.some((p) => p.project.confidential)) s.add([[tr(P.confidentialNote)]], "note");
  s.skip();
  const np = ev.projects.length;
  const c = ev.cumulative;

  // Plans: what each is (text spans its columns), capacity and start.
  s.add([[tr(P.plansTable)]], "subtitle");
  const n1 = DESC.last + 1;
  s.add([spread(n1, {
    0: tr(P.planId), 1: tr(P.company), [DESC.confidential]: tr(P.confidential), [DESC.type]: tr(P.magnetType),
    [DESC.treatment]: tr(P.treatment), [DESC.sector]: tr(P.sector), [DESC.capacity]: tr(P.capacity), [DESC.start]: tr(P.start),
  })], "header");
  const fmt1 = spread(n1, { [DESC.capacity]: F.tonnes, [DESC.start]: "0" }) as (string | null)[];
  const d0 = s.add(
    ev.projects.map(({ project: p }) =>
      spread(n1, {
        0: p.id, 1: p.company, [DESC.confidential]: tr(p.confidential ? P.confidentialYes : P.confidentialNo),
        [DESC.type]: choiceLabel(MAGNET_TYPES, p.magnetType, lang), [DESC.treatment]: choiceLabel(TREATMENTS, p.treatment, lang),
        [DESC.sector]: table.sectors[p.sector].label, [DESC.capacity]: p.capacity, [DESC.start]: p.startYear,
      }),
    ),
    "body",
    fmt1,
  );
  const capacity = sumOf(ev.projects.map((e) => e.project.capacity));
  s.add([spread(n1, { 0: tr(P.total), [DESC.capacity]: sumF(DESC.capacity, d0, d0 + np - 1, capacity) })], "total", fmt1);
  s.skip();

  // Effects: money columns, one narrow width.
  s.add([[tr(P.effectsTable)]], "subtitle");
  const effectsHeader = [
    tr(P.planId), tr(P.company), money(P.capex), tr(P.subsidyRate), money(P.subsidy), money(P.additionalOutput),
    money(P.cumInvOutput), money(P.cumOpOutput), money(P.cumTotalOutput), money(MEASURES.valueAdded),
    money(P.pvGvaShort), money(P.pvSubsidyShort), tr(P.inducedValueAddedPerSubsidy),
  ];
  s.add([effectsHeader], "header");
  const fmt: (string | null)[] = [null, null, F.money, F.percent, ...Array<string>(8).fill(F.money), F.ratio];
  const r0 = s.add(
    ev.projects.map((e) => [
      e.project.id,
      e.project.company,
      e.totals.capex,
      e.totals.capex > 0 ? e.totals.subsidy / e.totals.capex : "—",
      e.totals.subsidy,
      e.totals.additionalOutput,
      e.totals.investment.output,
      e.totals.operation.output,
      e.totals.total.output,
      e.totals.total.valueAdded,
      e.pv.valueAdded,
      e.pv.subsidy,
      e.inducedValueAddedPerSubsidy ?? "—",
    ]),
    "body",
    fmt,
  );
  const sumCol = (col: number, v: number) => sumF(col, r0, r0 + np - 1, v);
  s.add(
    [[
      tr(P.total), null, sumCol(2, c.capex), null, sumCol(4, c.subsidy), sumCol(5, c.additionalOutput),
      sumCol(6, c.investment.output), sumCol(7, c.operation.output), sumCol(8, c.total.output),
      sumCol(9, c.total.valueAdded), sumCol(10, ev.pv.valueAdded), sumCol(11, ev.pv.subsidy), ev.inducedValueAddedPerSubsidy ?? "—",
    ]],
    "total",
    fmt,
  );
  s.add([[tr(P.perSubsidyTotalNote)]], "note");
  s.skip();
  const height = Math.max(14, np * 2 + 8);
  s.chart({
    type: "bar",
    title: tr(P.chartByProject),
    categories: { row: r0, col: 0, rows: np, cols: 1 },
    series: [
      { name: tr(P.pvGvaShort), values: { row: r0, col: 10, rows: np, cols: 1 } },
      { name: tr(P.pvSubsidyShort), values: { row: r0, col: 11, rows: np, cols: 1 } },
    ],
    yAxisTitle: unit,
    anchor: { row: s.row, col: 0, widthCols: 8, heightRows: height },
  });
  s.skip(height + 1);

  // Plans × years
  const years = ev.years;
  const ny = years.length;
  s.add([[tr(P.byProjectYear)]], "subtitle");
  s.add([[tr(P.planId), tr(P.company), ...years.map((y) => yearLabel(y, lang)), tr(P.total)]], "header");
  const yr0 = s.add(
    ev.projects.map((e, i) => [
      e.project.id,
      e.project.company,
      ...e.years.map((r) => (r.investment ? sumOf(r.investment.total.output) : 0) + (r.operation ? sumOf(r.operation.total.output) : 0)),
      { formula: `SUM(${a1(s.row + i, 2)}:${a1(s.row + i, 1 + ny)})`, value: e.totals.total.output },
    ]),
    "body",
    [null, null, ...years.map(() => F.money), F.money],
  );
  s.add(
    [[tr(P.total), null, ...ev.byYear.map((y, k) => sumF(2 + k, yr0, yr0 + np - 1, y.total.output)), sumF(2 + ny, yr0, yr0 + np - 1, c.total.output)]],
    "total",
    [null, null, ...years.map(() => F.money), F.money],
  );

  // Notes: one row per plan that has any, the text wrapped across the page (the writer merges
  // the empty cells to its right and gives the row the height of its lines).
  const notes = ev.projects.filter((e) => (e.project.notes ?? "").trim().length > 0);
  if (notes.length) {
    s.skip();
    s.add([[tr(P.notes)]], "subtitle");
    s.add([[tr(P.planId), tr(P.notes)]], "header");
    s.add(notes.map((e) => [e.project.id, e.project.notes ?? null]), "body");
  }

  const widths: Record<number, number> = { 0: 8, 1: labelWidth(ev.projects.map((e) => e.project.company), 12, 20) };
  for (let k = 2; k < Math.max(n1, 13, ny + 3); k++) widths[k] = BY_PROJECT_NUMBER_WIDTH;
  // 非公開/公開 fits its column in either language ("confidential" is wider than a number)
  widths[DESC.confidential] = labelWidth([tr(P.confidentialYes), tr(P.confidentialNo)], BY_PROJECT_NUMBER_WIDTH, 16);
  // the public version of a run whose plans are all confidential shows this line instead
  if (lang === "en") fitWordHeaders(widths, effectsHeader);
  return { ...s.build({ columnWidths: widths, freeze: { rows: 0, cols: 2 } }), withheld: tr(P.plansWithheld) };
}
