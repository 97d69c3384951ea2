// The CGE results workbook (CGE.md section 4; words in cgeLabels.ts): per-good and macro results with charts, the SAM as
// read, the scenario, and the method with its sources. Formats only: every number comes from the
// engine's CgeRun.

import type { Bilingual, Lang } from "../engine/errors";
import { warningText } from "../engine/errors";
import type { CgeRun, Sam, TableSam } from "../engine/cge";
import { CGE_TOLERANCE } from "../engine/cge";
import { cgeAudit, makeDeliverables, type FullOnlyPart } from "./deliverable";
import { IO_DIFFERENCE } from "../engine/cge";
import { SheetBuilder, labelWidth } from "./sheetBuilder";
import { percentFormat } from "./percentFormat";
import { addByGood, findByGood } from "./cgeByGood";
import { accountName, CGE_LABELS, ROLE_NAMES, CGE_SOURCE, SCENARIO_KEY_NAMES } from "./cgeLabels";
import { scenarioTitle } from "../engine/cge";
import type { CellSpec, ProvenanceSpec, SheetSpec, WorkbookSpec } from "./spec";

const FMT = { value: "#,##0.000", price: "0.000000", pct: "0.00%", small: "0.00E+00" };

export interface CgeReportInput {
  run: CgeRun;
  /** Further runs on the same SAM (the built-in scenarios), each on its own results sheet. */
  more?: CgeRun[];
  /** Where each scenario's numbers come from (built-in scenarios), for the scenario sheet. */
  scenarioNotes?: { name: string; label: Bilingual; notes: { key: string; good: string; value: number; source: Bilingual }[] }[];
  /** The SAM the model was calibrated to, as read (or as built from the IO table). */
  sam: Sam;
  /** How the SAM was built from an IO table (balancing items, choices), when it was. */
  fromTable?: TableSam | null;
  lang: Lang;
  inputs: { description: string; sheet?: string; range?: string; checksum?: string }[];
  version: string;
  now?: Date;
}

/** The two charts side by side under the by-good blocks, within the blocks' width (label
 * column + 9 figure columns), so they print on the table's pages: the output chart over the
 * label column and three figure columns, the price chart over the other six. */
const CHART_SPLIT = 4;
const CHART_COLS = 10;

const change = (a: number, b: number): number | null => (b === 0 ? null : a / b - 1);

/** The charts' axis in % as the table shows the changes (not 0.001 for 0.1%), with the decimals
 * a tick of about a fifth of the largest change needs. */
function tickFormat(changes: (number | null)[]): string {
  const top = Math.max(0, ...changes.map((x) => Math.abs(x ?? 0)));
  return percentFormat([top / 5]);
}

function macroRows(r: CgeRun, tr: (b: Bilingual) => string): CellSpec[][] {
  const c = r.calibration;
  const b = r.benchmark;
  const s = r.solution;
  const row = (label: Bilingual | string, v0: number, v1: number | null): CellSpec[] => [
    typeof label === "string" ? label : tr(label),
    v0,
    v1,
    v1 === null ? null : change(v1, v0),
  ];
  const rents = s ? s.rents.reduce((x, y) => x + y, 0) : null;
  return [
    row(CGE_LABELS.utility, b.UU, s ? s.UU : null),
    [tr(CGE_LABELS.ev), null, r.ev, null],
    row(CGE_LABELS.gdp, r.gdp0, r.gdp),
    row(CGE_LABELS.exchangeRate, b.epsilon, s ? s.epsilon : null),
    ...c.factors.map((h, k) => row(CGE_LABELS.factorPrice(accountName(h)), b.pf[k], s ? s.pf[k] : null)),
    row(CGE_LABELS.income, b.income, s ? s.income : null),
    [tr(CGE_LABELS.rents), 0, rents, null],
  ];
}

function resultsSheet(r: CgeRun, lang: Lang, k = 0): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const c = r.calibration;
  const sh = new SheetBuilder(k === 0 ? "cge-results" : `cge-results-${k + 1}`, k === 0 ? tr(CGE_LABELS.results) : `${tr(CGE_LABELS.results)} ${k + 1}`);
  sh.add([[tr(CGE_LABELS.title)]], "title");
  sh.add([[tr(CGE_LABELS.scenarioName), r.scenario ? scenarioTitle(r.scenario.name, lang) : tr(CGE_LABELS.none)], [tr(CGE_LABELS.numeraire), `${tr(accountName(r.numeraire))} = ${r.numeraireValue}`]], "body");
  sh.skip();
  sh.add([[tr(CGE_LABELS.macro)]], "subtitle");
  sh.add([[tr(CGE_LABELS.item), tr(CGE_LABELS.benchmark), tr(CGE_LABELS.scenarioCol), tr(CGE_LABELS.change)]], "header");
  // one block per row: each change with the decimals its size needs (GDP moves by ~1e-6)
  for (const row of macroRows(r, tr)) sh.add([row], "body", [null, FMT.value, FMT.value, percentFormat([row[3] as number | null])]);
  sh.skip();
  sh.add([[tr(CGE_LABELS.byGood)]], "subtitle");
  const keep = addByGood(sh, r, lang);
  const n = c.goods.length;
  const height = Math.max(12, Math.min(30, n + 6));
  const anchorRow = sh.row + 2;
  // the charts read the change columns by their headers (cgeByGood.ts lays the table out)
  const z = findByGood(sh, c.goods, "Z", "pct", lang);
  const pq = findByGood(sh, c.goods, "pq", "pct", lang);
  if (r.solution && z && pq) {
    sh.chart({
      type: "bar",
      title: tr(CGE_LABELS.chartOutput),
      categories: { row: z.row, col: 0, rows: n, cols: 1 },
      series: [{ name: tr(CGE_LABELS.Z), values: { row: z.row, col: z.col, rows: n, cols: 1 } }],
      yAxisFormat: tickFormat(c.goods.map((_, i) => change(r.solution!.Z[i], c.Z0[i]))),
      anchor: { row: anchorRow, col: 0, widthCols: CHART_SPLIT, heightRows: height },
    });
    sh.chart({
      type: "bar",
      title: tr(CGE_LABELS.chartPrice),
      categories: { row: pq.row, col: 0, rows: n, cols: 1 },
      series: [{ name: tr(CGE_LABELS.pq), values: { row: pq.row, col: pq.col, rows: n, cols: 1 } }],
      yAxisFormat: tickFormat(c.goods.map((_, i) => change(r.solution!.pq[i], r.benchmark.pq[i]))),
      anchor: { row: anchorRow, col: CHART_SPLIT, widthCols: CHART_COLS - CHART_SPLIT, heightRows: height },
    });
    sh.skip(height + 3);
  }
  if (r.io) {
    sh.skip();
    // the comparison with its title kept on one page (a new page rather than split)
    keep.push({ row: sh.row, rows: 2 + c.goods.length });
    sh.add([[tr(CGE_LABELS.ioTitle)]], "subtitle");
    sh.add([[tr(CGE_LABELS.good), tr(CGE_LABELS.cgePrice), tr(CGE_LABELS.ioPrice), tr(CGE_LABELS.cgeOutput), tr(CGE_LABELS.ioOutput)]], "header");
    const io = r.io;
    const cols = [io.cge, io.io, io.cgeOutput, io.ioOutput];
    sh.add(c.goods.map((g, i) => [g, ...cols.map((v) => v[i])]), "body", [null, ...cols.map((v) => percentFormat(v))]);
    sh.add([[tr(IO_DIFFERENCE)]], "note");
  } else if (r.solution) {
    sh.skip();
    sh.add([[tr(CGE_LABELS.ioTitle)]], "subtitle");
    sh.add([[tr(CGE_LABELS.ioNone)]], "note");
  }
  sh.skip();
  sh.add([[tr(CGE_LABELS.check)]], "subtitle");
  sh.add(
    [
      [tr(CGE_LABELS.residual), r.residual],
      [tr(CGE_LABELS.walras), r.walras],
      [tr(CGE_LABELS.iterations), r.iterations],
    ],
    "body",
    [null, FMT.small],
  );
  if (r.warnings.length) {
    sh.skip();
    sh.add([[tr(CGE_LABELS.warnings)]], "subtitle");
    sh.add(r.warnings.map((w) => [warningText(w, lang)]), "body");
  }
  // Column A as wide as its labels (titles and notes spill over the empty cells to their right).
  const labels = [...c.goods, ...macroRows(r, tr).map((row) => String(row[0])), tr(CGE_LABELS.residual), tr(CGE_LABELS.walras), tr(CGE_LABELS.iterations)];
  return sh.build({
    columnWidths: { ...figureWidths(sh), 0: labelWidth(labels, 12, 44) },
    freeze: { rows: 0, cols: 1 },
    print: { keep },
  });
}

/** Columns wide enough for the longest percent format used in them ("-14.38433915%"). */
function figureWidths(sh: SheetBuilder): Record<number, number> {
  // Each figure column as wide as its widest printed figure (a column too narrow prints ###),
  // and no wider, so the sheet still prints one page wide.
  const out: Record<number, number> = {};
  for (const b of sh.blocks)
    b.values.forEach((row) =>
      row.forEach((v, k) => {
        const f = Array.isArray(b.numberFormat) ? b.numberFormat[k] : b.numberFormat;
        if (f && typeof v === "number") out[b.col + k] = Math.max(out[b.col + k] ?? 10, printedLength(v, f) + 2);
      }),
    );
  return out;
}

/** Characters a number takes printed in a format of the kinds this sheet uses (#,##0.000,
 * 0.000000, 0.00%, 0.00E+00). */
function printedLength(v: number, format: string): number {
  if (!Number.isFinite(v)) return 4;
  if (format.includes("E")) return 9;
  const pct = format.endsWith("%");
  const x = Math.abs(pct ? v * 100 : v);
  const decimals = (format.split(".")[1] ?? "").replace(/[^0#]/g, "").length;
  const digits = Math.max(1, Math.floor(Math.log10(Math.max(x, 1))) + 1);
  const commas = format.includes(",") ? Math.floor((digits - 1) / 3) : 0;
  return (v < 0 ? 1 : 0) + digits + commas + (decimals ? decimals + 1 : 0) + (pct ? 1 : 0);
}

/** CGE.md 3: the scenario as a sheet, one row per setting (keys by name; parseScenarioGrid reads
 * them back), with its source for built-ins. */
function scenarioSheet(runs: CgeRun[], notes: NonNullable<CgeReportInput["scenarioNotes"]>, lang: Lang): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const sh = new SheetBuilder("cge-scenario", tr(CGE_LABELS.scenario));
  sh.add([[tr(CGE_LABELS.scenario)]], "title");
  sh.add([[tr(CGE_LABELS.scenarioName), tr(CGE_LABELS.key), tr(CGE_LABELS.good), tr(CGE_LABELS.value), tr(CGE_LABELS.sourceCol)]], "header");
  const rows: CellSpec[][] = [];
  runs.forEach((r, k) => {
    const s = r.scenario;
    if (!s) return rows.push([tr(CGE_LABELS.none), null, null, null, null]);
    const note = notes.find((x) => x.name === s.name);
    const entries: [string, Record<string, number> | undefined][] = [
      ["importPrice", s.importPrice],
      ["tariff", s.tariff],
      ["importQuota", s.importQuota],
      ["productionTax", s.productionTax],
      ["productivity", s.productivity],
      ["factorSupply", s.factorSupply],
      ["elasticities.armington", s.elasticities?.armington],
      ["elasticities.transformation", s.elasticities?.transformation],
    ];
    // The scenario's own name, so the sheet reads back as a scenario (--scenario-sheet).
    const name = scenarioTitle(s.name, lang);
    let first = true;
    for (const [key, t] of entries)
      for (const [g, v] of Object.entries(t ?? {})) {
        const src = note?.notes.find((n) => n.key === key && n.good === g)?.source;
        // a factor by its name (労働, not the SAM's LAB); the sheet reader maps it back
        const label = key === "factorSupply" ? tr(accountName(g)) : g;
        rows.push([first ? name : null, tr(SCENARIO_KEY_NAMES[key]), label, v, src ? tr(src) : tr(CGE_LABELS.userGiven)]);
        first = false;
      }
    if (first) rows.push([name, null, null, null, null]);
    if (note) rows.push([null, null, null, null, `${k === 0 ? tr(CGE_LABELS.results) : `${tr(CGE_LABELS.results)} ${k + 1}`}: ${tr(note.label)}`]);
  });
  sh.add(rows, "body", [null, null, null, "0.000000", null]);
  return sh.build({ columnWidths: { 0: 60, 1: 26, 2: 16, 3: 14, 4: 90 } });
}


function samSheet(sam: Sam, fromTable: TableSam | null, lang: Lang): SheetSpec {
  const tr = (b: Bilingual) => b[lang];
  const sh = new SheetBuilder("cge-sam", tr(CGE_LABELS.sam));
  sh.add([[tr(CGE_LABELS.samTitle)]], "title");
  sh.add([[tr(CGE_LABELS.role), ...sam.roles.map((x) => tr(ROLE_NAMES[x]))]], "note");
  const shown = sam.labels.map((l) => tr(accountName(l)));
  sh.add([[null, ...shown]], "header");
  sh.add(shown.map((l, a) => [l, ...sam.values[a]]), "body", FMT.value);
  if (fromTable) {
    sh.skip();
    sh.add([[tr(CGE_LABELS.balancing)]], "subtitle");
    sh.add([[tr(CGE_LABELS.item), tr(CGE_LABELS.value), tr(CGE_LABELS.how)]], "header");
    sh.add(fromTable.balancing.map((b) => [tr(b.label), b.value, tr(b.how)]), "body", [null, FMT.value, null]);
    sh.skip();
    sh.add([[tr(CGE_LABELS.fromTable)]], "subtitle");
    sh.add(fromTable.choices.map((c) => [tr(c)]), "body");
    if (fromTable.moved.length) {
      sh.skip();
      sh.add([[tr(CGE_LABELS.moved)]], "subtitle");
      sh.add(fromTable.moved.map((c) => [tr(c)]), "body");
    }
  }
  return sh.build({ columnWidths: { ...figureWidths(sh), 0: labelWidth(sam.labels, 12, 30) }, freeze: { rows: 3, cols: 1 }, print: { fitWidth: true } });
}

export function cgeProvenance(r: CgeRun, input: CgeReportInput): ProvenanceSpec {
  const lang = input.lang;
  const c = r.calibration;
  const ja = lang === "ja";
  const sigmaSrc = c.elasticityNote[lang];
  return {
    software: "Ripple",
    version: input.version,
    createdAt: (input.now ?? new Date()).toISOString(),
    inputs: input.inputs.map((i) => ({ ...i })),
    parameters: [
      ...c.goods.map((g, i) => ({ name: ja ? `アーミントン弾力性 σ ${g}` : `Armington elasticity σ ${g}`, value: c.sigma[i], source: sigmaSrc })),
      ...c.goods.map((g, i) => ({ name: ja ? `変形弾力性 ψ ${g}` : `Transformation elasticity ψ (CET) ${g}`, value: c.psi[i], source: sigmaSrc })),
      {
        name: ja ? "ニューメレール" : "Numeraire",
        value: `${accountName(r.numeraire)[lang]} = ${r.numeraireValue}`,
        source: ja ? "価格の基準（利用者が選択可）" : "the price level's anchor (a user choice; --numeraire on the command line)",
      },
      {
        name: ja ? "収束判定（最大尺度化残差）" : "Convergence (largest scaled residual)",
        value: CGE_TOLERANCE,
        source: ja ? "本ツールの設定：ニュートン法の全方程式の尺度化残差がこの値以下で収束" : "Ripple's setting: Newton's method has converged when every equation's scaled residual is at most this",
      },
    ],
    variants: [
      ja
        ? `${CGE_SOURCE.ja}：コブ＝ダグラス型の合成生産要素、レオンチェフ型の中間投入、アーミントン型の CES 合成財、変形弾力性一定型の国内向け・輸出の配分、コブ＝ダグラス型の家計効用、変動為替レート`
        : `${CGE_SOURCE.en[0].toUpperCase()}${CGE_SOURCE.en.slice(1)} (GAMS model library stdcge): Cobb–Douglas composite factor, Leontief intermediates, Armington CES, CET, Cobb–Douglas household utility, flexible exchange rate`,
      ja
        ? "等価変分 EV = （シナリオの効用 − ベンチマークの効用）÷ ベンチマークの効用 × ベンチマークの家計消費（コブ＝ダグラス型効用の場合）"
        : "EV = (UU₁ − UU₀)/UU₀ × benchmark household consumption (Cobb–Douglas case)",
      ja
        ? "輸入数量制限：制約が効くときは輸入量を固定し、国内の輸入価格に上乗せされる内生のプレミアム χ の収入（割当レント）は家計の所得"
        : "Import quota: when binding, imports are fixed and the endogenous premium χ (import price (1+τm+χ)pm) is rent income of the household",
      ja ? "実質 GDP = 各部門の付加価値（合成生産要素）をベンチマーク価格で評価した合計（要素費用）" : "Real GDP = Σ_j py₀·Y_j (value added at benchmark prices, factor cost)",
      ...(input.fromTable ? input.fromTable.choices.map((c) => c[lang]) : []),
    ],
    warnings: [...r.warnings.map((w) => warningText(w, lang)), ...(input.fromTable?.moved ?? []).map((m) => m[lang])],
  };
}

function cgeSheets(input: CgeReportInput): SheetSpec[] {
  const { run, lang } = input;
  const runs = [run, ...(input.more ?? [])];
  return [...runs.map((r, k) => resultsSheet(r, lang, k)), scenarioSheet(runs, input.scenarioNotes ?? [], lang), samSheet(input.sam, input.fromTable ?? null, lang)];
}

export function cgeWorkbook(input: CgeReportInput): WorkbookSpec {
  const { run, lang } = input;
  const spec: WorkbookSpec = { lang, sheets: cgeSheets(input), provenance: cgeProvenance(run, input) };
  return makeDeliverables(spec, { audit: (s) => cgeAudit(s, run, input.sam, lang) }).full;
}

/** The CGE sheets, their calibration audit and method notes as part of another workbook (the
 * demo's full workbook, and its public version with the scenarios `keep` lets through);
 * parameter names and notes say they belong to the CGE model; `notes` head the method notes. */
export function cgePart(input: CgeReportInput, notes: string[], keep: (scenarioName: string) => boolean = () => true): FullOnlyPart {
  const all = [input.run, ...(input.more ?? [])];
  const kept = all.filter((r) => !r.scenario || keep(r.scenario.name));
  // The first results sheet carries the benchmark the audit checks; it stays whatever is kept.
  const [run, ...more] = kept.length ? kept : [input.run];
  const part: CgeReportInput = { ...input, run, more, scenarioNotes: input.scenarioNotes?.filter((n) => kept.some((r) => r.scenario?.name === n.name)) };
  const { lang } = input;
  const p = cgeProvenance(run, part);
  const tr = (b: Bilingual) => b[lang];
  return {
    sheets: kept.length ? cgeSheets(part) : [samSheet(input.sam, input.fromTable ?? null, lang)],
    audit: (s) => (kept.length ? (cgeAudit(s, run, input.sam, lang)?.sections ?? []) : []),
    provenance: {
      title: tr(CGE_LABELS.methodTitle),
      notes,
      parameters: p.parameters.map((x) => ({ ...x, name: `CGE: ${x.name}` })),
      variants: p.variants.map((v) => `CGE: ${v}`),
      warnings: p.warnings.map((w) => `CGE: ${w}`),
    },
  };
}
