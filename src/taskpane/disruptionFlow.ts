// The 供給途絶 (supply disruption) flow of the pane without React: a small form (sector, import
// cut, months, recovery, optional price shock, the disrupted imports) prefilled from
// assets/examples/disruption-magnet-cut.json, turned into the same JSON spec the command line
// reads (parseDisruptionSpec validates it), run on the confirmed table's model, written into new
// sheets. The method limits shown in the pane are the engine's own notes.

import example from "../../assets/examples/disruption-magnet-cut.json";
import { DISRUPTION_METHOD_NOTES, type MethodNote } from "../engine/disruption";
import { parseDisruptionSpec, type DisruptionSpec, type ImportsSpec } from "../engine/disruption/spec";
import { analyzeDisruption, type DisruptionResult } from "../engine/disruption/analyze";
import { RippleError, RippleErrorList, type Bilingual, type Lang } from "../engine/errors";
import type { ModelOptions } from "../engine/model/options";
import { findSector } from "../engine/projects/parse";
import type { IOTable } from "../engine/table/types";
import { sha256Text } from "../report/checksum";
import type { WorkbookSpec } from "../report/spec";
import { runDisruptionJob } from "../usecases/disruption";
import { settingsFromModelOptions } from "../usecases/options";
import * as gateway from "../workbook/office/gateway";
import { runJob } from "./worker/client";
import { stepper, type RunControl } from "./progress";
import { VERSION, type DetectedTable } from "./runAnalysis";
import { findSectorByWords, sectorLabels } from "./sectors";

export const EXAMPLE_FILE = "assets/examples/disruption-magnet-cut.json";

/** The form as typed (text, so a half-typed number is not lost). */
export interface DisruptionForm {
  sector: string;
  /** Share of the imports cut, in percent (90 = 90%). */
  importCutPct: string;
  months: string;
  /** Months until sectors are back to 1% of their initial inoperability. */
  recoveryMonths: string;
  /** Import price change of the disrupted good in percent; blank: no price model. */
  priceShockPct: string;
  /** Yearly imports of the disrupted good (quantity) and value per unit in table units; both
   * blank: the sector's imports in the table. */
  importQuantity: string;
  unitValue: string;
}

export type FormField = keyof DisruptionForm;

const EXAMPLE = parseDisruptionSpec(example, { file: EXAMPLE_FILE });
const EXAMPLE_IMPORTS = typeof EXAMPLE.imports === "object" ? EXAMPLE.imports : null;

const str = (v: number | undefined | null) => (v === undefined || v === null ? "" : String(Number(v.toPrecision(12))));

/** The example's values, with its sector replaced by the table's label for it (or by
 * manufacturing, or the first sector, when the table has no such sector). */
export function exampleDisruptionForm(table: IOTable | null): DisruptionForm {
  let sector = EXAMPLE.sector;
  if (table) {
    const labels = sectorLabels(table);
    const i = findSector(table, EXAMPLE.sector) ?? findSectorByWords(table, ["製造業", "manufacturing"]) ?? 0;
    sector = labels[i];
  }
  return {
    sector,
    importCutPct: str(EXAMPLE.importCut * 100),
    months: str(EXAMPLE.months),
    recoveryMonths: str(EXAMPLE.recoveryMonths?.default),
    priceShockPct: str(EXAMPLE.priceShock ? EXAMPLE.priceShock.importPriceChange * 100 : null),
    importQuantity: str(EXAMPLE_IMPORTS?.quantity),
    unitValue: str(EXAMPLE_IMPORTS?.unitValue),
  };
}

/** Where the example's values come from (its notes), for the pane. */
export const EXAMPLE_NOTES: string[] = EXAMPLE.notes ?? [];
export const EXAMPLE_IMPORTS_SOURCE: string | null = EXAMPLE_IMPORTS?.source ?? null;

const FIELD_NAMES: Record<FormField, Bilingual> = {
  sector: { ja: "部門", en: "Sector" },
  importCutPct: { ja: "輸入の削減率（%）", en: "Import cut (%)" },
  months: { ja: "途絶の期間（か月）", en: "Duration of the cut (months)" },
  recoveryMonths: { ja: "回復期間（か月）", en: "Recovery (months)" },
  priceShockPct: { ja: "輸入価格の上昇率（%）", en: "Import price change (%)" },
  importQuantity: { ja: "途絶する財の年間輸入量", en: "Yearly imports of the disrupted good" },
  unitValue: { ja: "単価（表の単位／数量）", en: "Value per unit (table units per unit)" },
};

function number(form: DisruptionForm, field: FormField, required: boolean, problems: RippleError[]): number | null {
  const t = form[field].trim().replace(/,/g, "").replace(/%$/, "");
  if (t === "") {
    if (required)
      problems.push(new RippleError("disruption-form", { ja: `「${FIELD_NAMES[field].ja}」を入力してください`, en: `Enter '${FIELD_NAMES[field].en}'` }));
    return null;
  }
  const v = Number(t);
  if (!Number.isFinite(v)) {
    problems.push(new RippleError("disruption-form", { ja: `「${FIELD_NAMES[field].ja}」の「${form[field]}」は数ではありません。数を入力してください`, en: `'${FIELD_NAMES[field].en}': '${form[field]}' is not a number; enter a number` }));
    return null;
  }
  return v;
}

/** Fields of the form that are not numbers (for marking them in the pane). */
export function formProblems(form: DisruptionForm): FormField[] {
  const bad: FormField[] = [];
  for (const f of ["importCutPct", "months", "recoveryMonths", "priceShockPct", "importQuantity", "unitValue"] as const) {
    const t = form[f].trim().replace(/,/g, "").replace(/%$/, "");
    if (t !== "" && !Number.isFinite(Number(t))) bad.push(f);
  }
  return bad;
}

/** The disruption spec (the command line's JSON) of a form, validated by the engine's parser;
 * every problem of the form at once (RippleErrorList). The example's notes and sources are kept
 * for the values that are still the example's. */
export function disruptionSpecFromForm(form: DisruptionForm, table: IOTable | null): DisruptionSpec {
  const problems: RippleError[] = [];
  const cut = number(form, "importCutPct", true, problems);
  const months = number(form, "months", true, problems);
  const recovery = number(form, "recoveryMonths", true, problems);
  const price = number(form, "priceShockPct", false, problems);
  const quantity = number(form, "importQuantity", false, problems);
  const unitValue = number(form, "unitValue", false, problems);
  if ((quantity === null) !== (unitValue === null) && !problems.length)
    problems.push(new RippleError("disruption-form", {
      ja: "途絶する財の年間輸入量と単価は両方入力するか、両方空欄（表の部門の輸入額を使う）にしてください",
      en: "Give both the yearly imports and the value per unit, or leave both blank (the sector's imports in the table)",
    }));
  if (!form.sector.trim()) problems.push(new RippleError("disruption-form", { ja: "部門を選んでください", en: "Choose a sector" }));
  if (problems.length) throw problems.length === 1 ? problems[0] : new RippleErrorList("disruption-form", problems);

  const ex = exampleDisruptionForm(table);
  const same = (f: FormField) => form[f].trim() === ex[f];
  const imports: ImportsSpec | undefined =
    quantity !== null && unitValue !== null
      ? {
          quantity,
          unitValue,
          ...(EXAMPLE_IMPORTS?.unit ? { unit: EXAMPLE_IMPORTS.unit } : {}),
          ...(same("importQuantity") && same("unitValue") && EXAMPLE_IMPORTS?.source ? { source: EXAMPLE_IMPORTS.source } : {}),
        }
      : undefined;
  const allExample = (Object.keys(ex) as FormField[]).every(same);
  const json: Record<string, unknown> = {
    title: allExample ? EXAMPLE.title : `${form.sector.trim()}: ${cut}% × ${months}`,
    notes: allExample ? EXAMPLE.notes : [`Ripple task pane form (values entered by the user; the prefilled values are ${EXAMPLE_FILE}'s)`],
    sector: form.sector.trim(),
    importCut: cut! / 100,
    months: months!,
    ...(imports ? { imports } : {}),
    periodLength: "month",
    // Long enough to show the recovery after the cut (at least the example's 24 months).
    periods: Math.max(EXAMPLE.periods ?? 24, Math.ceil(months! + recovery!)),
    recoveryMonths: { default: recovery! },
    ...(price !== null
      ? { priceShock: { sector: form.sector.trim(), importPriceChange: price / 100, scope: imports ? "good" : "sector" } }
      : {}),
    extraction: EXAMPLE.extraction ?? true,
    ghosh: EXAMPLE.ghosh ?? true,
  };
  return parseDisruptionSpec(json, {});
}

/** The method notes with their limits, for the pane's note. */
export function disruptionMethodNotes(spec: { priceShock?: unknown; extraction?: boolean; ghosh?: unknown } = EXAMPLE): MethodNote[] {
  const notes = [DISRUPTION_METHOD_NOTES.inoperability];
  if (spec.priceShock) notes.push(DISRUPTION_METHOD_NOTES.prices);
  if (spec.extraction) notes.push(DISRUPTION_METHOD_NOTES.extraction);
  if (spec.ghosh) notes.push(DISRUPTION_METHOD_NOTES.ghosh);
  return notes;
}

export interface DisruptionRunInput {
  detected: DetectedTable;
  form: DisruptionForm;
  /** The model options the user set (paneOptions.changedModelOptions). */
  modelOptions: ModelOptions;
  /** Run on a table that does not add up (refused otherwise; every results sheet says so). */
  allowImbalance?: boolean;
  lang: Lang;
  now?: Date;
}

export interface DisruptionRunOutcome {
  spec: DisruptionSpec;
  result: DisruptionResult;
  /** The JSON `ripple analyze --disruption --json` writes for the same run. */
  json: unknown;
  sheets: string[];
}

/** A disruption run without the workbook: what runs in the compute worker. */
export interface DisruptionComputed {
  spec: DisruptionSpec;
  result: DisruptionResult;
  /** The JSON `ripple analyze --disruption --json` writes for the same run. */
  json: unknown;
  report: WorkbookSpec;
}

export async function computeDisruption(input: DisruptionRunInput, control: RunControl = {}): Promise<DisruptionComputed> {
  const { report, check, within } = stepper(control);
  const d = input.detected;
  if (d.tableError) throw d.tableError;
  const table = d.table!;
  const spec = disruptionSpecFromForm(input.form, table);
  check();
  // The same runner as `ripple analyze --disruption` (src/usecases/disruption.ts).
  const job = await runDisruptionJob(
    {
      table: { grid: d.grid, layout: d.layout, built: table, description: d.layout.title ?? d.grid.sheet },
      spec,
      specInput: {
        description: input.lang === "ja" ? "途絶の設定（タスクペインの入力）" : "disruption spec (task pane form)",
        checksum: "sha256:" + sha256Text(JSON.stringify(spec)),
      },
      version: VERSION,
      now: input.now,
    },
    { model: settingsFromModelOptions(input.modelOptions), allowImbalance: !!input.allowImbalance, lang: input.lang },
    {
      signal: control.signal,
      stage: (stage) => {
        check();
        report(stage, 0);
      },
      build: () => ({ update: within("build"), stop: () => undefined }),
    },
  );
  const reportSpec = job.workbook();
  check();
  report("report", 1);
  // The solved system (A* with its solver, a function) served the report's formula audit; the
  // pane gets the figures only (a worker's answer can hold no functions).
  const { system: _solved, ...figures } = job.result;
  return { spec, result: figures, json: job.json(), report: reportSpec };
}

/** Compute in the worker (中止 stops it there, before anything is written), then write the
 * results into new sheets. */
export async function runDisruption(input: DisruptionRunInput, control: RunControl = {}): Promise<DisruptionRunOutcome> {
  const { report, within } = stepper(control);
  report("read", 0);
  if (input.detected.tableError) throw input.detected.tableError;
  // The form is checked here too, so its problems show without starting a worker.
  disruptionSpecFromForm(input.form, input.detected.table);
  const computed = await runJob("disruption", computeDisruption, { ...input, detected: { ...input.detected, tableError: null } }, control);
  report("write", 0);
  const written = await gateway.writeReport(computed.report, { signal: control.signal, onProgress: within("write") });
  report("write", 1);
  return { spec: computed.spec, result: computed.result, json: computed.json, sheets: written.sheets };
}
