// The body of RIPPLE.IMPACT (functions.ts holds its JSDoc): options, table and shock read from
// their ranges, MIC's three-stage effects (or the closed Type II model) by the engine, and the
// spill with stage columns, sector rows and a total row.

import { impact as threeStageImpact, impactTypeII, type IOModel, type Stage } from "../engine/model";
import { shockFromPairs } from "../engine/table";
import { type Measure, parseImpactOptions, parseShock } from "./args";
import { checkArgumentSize } from "./argumentCells";
import { blankZerosOfForm, rangeToGrid } from "./rangeGrid";
import { both, checkSize, headersFlag, type SpillCell, withHeaders } from "./spill";
import { type ArgumentAddresses, modelOf, noEmploymentError, resolveTable, TOTAL_LABEL } from "./tableArgument";

const MEASURE_LABELS: Record<Measure, { ja: string; en: string }> = {
  output: { ja: "生産誘発額", en: "Output" },
  valueAdded: { ja: "粗付加価値誘発額", en: "Gross value added" },
  compensation: { ja: "雇用者所得誘発額", en: "Compensation of employees" },
  employment: { ja: "誘発就業者数", en: "Employment" },
};

const STAGE_LABELS = [
  { ja: "直接効果", en: "Direct" },
  { ja: "第1次間接波及効果", en: "1st indirect" },
  { ja: "第2次間接波及効果", en: "2nd indirect" },
  { ja: "総合効果", en: "Total" },
];

function unitOf(model: IOModel, measure: Measure): string {
  if (measure === "employment") return "人 persons";
  return model.table.unit ?? "";
}

function stageValues(stage: Stage, measure: Measure): number[] {
  const v = stage[measure];
  if (v === null) throw noEmploymentError();
  return v;
}

/** RIPPLE.IMPACT(table, shock, [options], [headers]); `addresses` by that argument order. */
export function impactSpill(
  table: unknown[][],
  shock: unknown[][],
  options: unknown[][] | undefined,
  headers: boolean | undefined,
  addresses: ArgumentAddresses,
): SpillCell[][] {
  checkArgumentSize([
    { name: "table", values: table },
    { name: "shock", values: shock },
    { name: "options", values: options },
  ]);
  const args = parseImpactOptions(Array.isArray(options) ? blankZerosOfForm(rangeToGrid(options, addresses?.[2])) : null);
  const source = resolveTable(table, addresses?.[0], args.allowImbalance);
  const model = modelOf(source, args.model);
  const n = model.n;
  checkSize(n + 2, 5, { ja: "結果", en: "the result" });
  const shockInput = parseShock(rangeToGrid(shock, addresses?.[1]));
  const vector = shockInput.kind === "pairs" ? shockFromPairs(model.table, shockInput.pairs) : shockInput.values;
  const result = args.method === "closed" ? impactTypeII(model, vector) : threeStageImpact(model, vector);
  const columns = [result.direct, result.firstIndirect, result.secondIndirect, result.total].map((s) =>
    stageValues(s, args.measure),
  );
  const body: SpillCell[][] = [];
  for (let i = 0; i < n; i++) body.push(columns.map((c) => c[i]));
  body.push(columns.map((c) => c.reduce((s, v) => s + v, 0)));
  const unit = unitOf(model, args.measure);
  const measure = MEASURE_LABELS[args.measure];
  const method = args.method === "closed" ? "（閉鎖型 Type II）" : "";
  const corner = `${measure.ja}${method}${unit ? `［${unit}］` : ""} ${measure.en}`;
  return withHeaders(body, headersFlag(headers), corner, STAGE_LABELS.map(both), [...model.sectors, both(TOTAL_LABEL)]);
}
