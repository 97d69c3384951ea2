// The audit of a market workbook from its own cells: for every model year on the capacity sheet,
// capacity = existing + supported, demand = Σ applications on the demand sheet, KPI = capacity ÷
// demand and pass = KPI ≥ target; for the KPI year the same against the KPI sheet; and each
// scenario's cumulative ripple effects = output change (百万円, from t and the unit value) × the
// effect of one 百万円 of magnet output by stage. Cached values come from the written cells, so
// the public version's audit shows nothing its results sheets suppress: a suppressed cell ("—")
// leaves its formula out with the reason.

import type { Bilingual, Lang } from "../../engine/errors";
import { EFFECT_MEASURES, EFFECT_STAGES, type EffectMeasure, type MarketAnalysis } from "../../engine/market/run";
import { M, MEASURE_LABELS, STAGE_LABELS } from "../marketLabels";
import type { BlockSpec, CellSpec, SheetSpec, WorkbookSpec } from "../spec";
import { auditCheck, auditFormula as f, SectionWriter, type AuditInput, type AuditSection } from "./auditSheet";
import { AUDIT, MARKET_AUDIT as A } from "./labels";
import { absCell, bareCell, cellOf, labelledCell, numberAt, sheetCell, sheetRange, type CellRef } from "./refs";

const FMT = { tonnes: "#,##0.000", ratio: "0.000000", money: "#,##0.000000", plain: "#,##0.####", year: "0" } as const;


/** The body block whose rows start with the model years, one per year, rows of `width` cells. */
function yearBody(sheet: SheetSpec, years: number[], width: number): BlockSpec | undefined {
  return sheet.blocks.find((b) => b.values.length === years.length && b.values.every((row, i) => row[0] === years[i] && row.length === width));
}

export function marketAudit(spec: WorkbookSpec, a: MarketAnalysis, lang: Lang, tableName?: string): AuditInput {
  const tr = (b: Bilingual) => b[lang];
  const byKey = (k: string) => spec.sheets.find((s) => s.key === k);
  const capSheet = byKey("marketCapacity");
  const demSheet = byKey("marketDemand");
  const kpiSheet = byKey("marketKpi");
  const scSheet = byKey("marketScenarios");
  const years = a.years;
  const napps = a.inputs.domestic.length;
  const capBody = capSheet && yearBody(capSheet, years, 8);
  const demBody = demSheet && yearBody(demSheet, years, napps + 3);
  if (!capSheet || !demSheet || !kpiSheet || !capBody || !demBody) return {};

  const section: AuditSection = (start) => {
    const sw = new SectionWriter(start);
    const written = (ref: CellRef | undefined) => (ref ? numberAt(spec, ref) : null);
    const sourceText = (label: string) => {
      const ref = labelledCell(kpiSheet, label, 3);
      const v = ref ? cellOf(kpiSheet, ref.row, ref.col) : null;
      return `${typeof v === "string" ? v : ""}${ref ? ` [${sheetCell({ ...ref, col: 1 })}]` : ""}`;
    };
    const unitValueSource = a.sheets.sources.unitValue?.text ?? "";

    // Inputs.
    sw.put([[tr(A.kpiTitle)]], "subtitle");
    sw.put([[tr(M.item), tr(M.value), tr(A.source)]], "header");
    const exRow = sw.put([[tr(A.existing), a.inputs.baseCapacity, sourceText(M.capacityExisting[lang])]], "body", [null, FMT.tonnes, null]);
    const tgRow = sw.put([[tr(A.target), a.kpi.target, sourceText(M.target[lang])]], "body", [null, FMT.ratio, null]);
    const uvRow = sw.put([[tr(A.unitValue), a.sheets.params.unitValue, unitValueSource]], "body", [null, FMT.plain, null]);
    const ex = absCell(exRow, 1);
    const tg = absCell(tgRow, 1);
    const uv = absCell(uvRow, 1);
    sw.row++;

    // By year: capacity, demand, KPI, pass, with their checks against the capacity sheet.
    sw.put(
      [[tr(A.year), tr(A.supported), tr(A.capacity), tr(A.demand), tr(A.kpi), tr(A.pass), tr(A.match(M.capacityTotal)), tr(A.match(M.demandDomestic)), tr(A.match(M.kpiShort))]],
      "header",
    );
    const top = sw.row;
    const cap = (c: number, k: number): CellRef => ({ sheet: capSheet.name, row: capBody.row + k, col: capBody.col + c });
    const yearRows: CellSpec[][] = years.map((y, k) => {
      const r = top + k;
      const out: CellSpec[] = [y, null, null, null, null, null, null, null, null];
      const demRow = { sheet: demSheet.name, row: demBody.row + k, col: demBody.col + 1, rows: 1, cols: napps };
      const apps = Array.from({ length: napps }, (_, j) => numberAt(spec, { sheet: demSheet.name, row: demRow.row, col: demRow.col + j }));
      const demand = apps.every((x) => x !== null) ? (apps as number[]).reduce((s, x) => s + x, 0) : null;
      if (demand !== null) {
        out[3] = f(`SUM(${sheetRange(demRow)})`, demand);
        const wd = written(cap(4, k));
        if (wd !== null) {
          out[7] = auditCheck(bareCell(r, 3), sheetCell(cap(4, k)), demand, wd);
          sw.checks.push(bareCell(r, 7));
        }
      }
      const supported = written(cap(2, k));
      if (supported === null) {
        out[1] = tr(A.suppressed);
        return out;
      }
      const capacity = a.inputs.baseCapacity + supported;
      out[1] = f(sheetCell(cap(2, k)), supported);
      out[2] = f(`${ex}+${bareCell(r, 1)}`, capacity);
      const wc = written(cap(3, k));
      if (wc !== null) {
        out[6] = auditCheck(bareCell(r, 2), sheetCell(cap(3, k)), capacity, wc);
        sw.checks.push(bareCell(r, 6));
      }
      if (demand !== null) {
        const kpi = capacity / demand;
        out[4] = f(`${bareCell(r, 2)}/${bareCell(r, 3)}`, kpi);
        out[5] = f(`${bareCell(r, 4)}>=${tg}`, kpi >= a.kpi.target);
        const wk = written(cap(6, k));
        if (wk !== null) {
          out[8] = auditCheck(bareCell(r, 4), sheetCell(cap(6, k)), kpi, wk);
          sw.checks.push(bareCell(r, 8));
        }
      }
      return out;
    });
    sw.put(yearRows, "body", [FMT.year, FMT.tonnes, FMT.tonnes, FMT.tonnes, FMT.ratio, null, null, null, null]);
    sw.row++;

    // The KPI year against the KPI sheet.
    const k = years.indexOf(a.kpi.year);
    if (k >= 0) {
      const r = top + k;
      sw.put([[tr(A.kpiYear(a.kpi.year)), tr(M.value), tr(A.written), tr(AUDIT.match)]], "header");
      const lines: CellSpec[][] = [];
      const first = sw.row;
      const yr = yearRows[k];
      const num = (c: CellSpec) => (typeof c === "object" && c !== null && typeof c.value === "number" ? c.value : null);
      const capV = num(yr[2]);
      const kpiV = num(yr[4]);
      for (const [label, col, v] of [
        [M.capacityTotal, 2, capV],
        [M.kpiRatio, 4, kpiV],
      ] as const) {
        const w = labelledCell(kpiSheet, label[lang], 1);
        const wv = written(w);
        const line: CellSpec[] = [tr(label), v === null ? tr(A.suppressed) : f(bareCell(r, col), v), null, null];
        if (v !== null && w && wv !== null) {
          line[2] = f(sheetCell(w), wv);
          line[3] = auditCheck(bareCell(first + lines.length, 1), bareCell(first + lines.length, 2), v, wv);
          sw.checks.push(bareCell(first + lines.length, 3));
        }
        lines.push(line);
      }
      const w = labelledCell(kpiSheet, M.verdict[lang], 1);
      const wText = w ? cellOf(kpiSheet, w.row, w.col) : null;
      if (kpiV !== null) {
        const pass = kpiV >= a.kpi.target;
        const verdict = pass ? tr(M.pass) : tr(M.fail);
        const vr = first + lines.length;
        const line: CellSpec[] = [tr(A.verdict), f(`IF(${bareCell(r, 5)},"${tr(M.pass)}","${tr(M.fail)}")`, verdict), null, null];
        if (w && (wText === tr(M.pass) || wText === tr(M.fail))) {
          line[2] = f(sheetCell(w), wText);
          line[3] = f(`${bareCell(vr, 1)}=${bareCell(vr, 2)}`, verdict === wText);
          sw.checks.push(bareCell(vr, 3));
        }
        lines.push(line);
      }
      sw.put(lines, "body", [null, FMT.ratio, FMT.ratio, null]);
      sw.row++;
    }

    // Ripple effects of each scenario's cumulative output change.
    const ue = a.unitEffect;
    const summary = scSheet?.blocks.find((b) => b.values.length === a.runs.length && b.values.every((rw, i) => rw[0] === a.runs[i].scenario.name));
    if (ue && scSheet && summary && a.runs.length > 1) {
      const measures: EffectMeasure[] = EFFECT_MEASURES.filter((m) => ue.perMillionYen.total[m] !== null);
      sw.put([[tr(A.effectsTitle)]], "subtitle");
      sw.put([[tr(A.unitEffectsSource(tableName ?? "", ue.sectorLabel))]], "note");
      sw.put([[tr(A.unitEffects(ue.unit)), ...measures.map((m) => tr(MEASURE_LABELS[m]))]], "header");
      const unitTop = sw.put(
        EFFECT_STAGES.map((st) => [tr(STAGE_LABELS[st]), ...measures.map((m) => ue.perMillionYen[st][m] as number)]),
        "body",
        [null, ...measures.map(() => "0.000000000")],
      );
      sw.row++;
      const cum = tr(M.cumulative);
      a.runs.forEach((run, i) => {
        if (i === 0 || !run.cumulative.effects) return;
        const name = `${run.scenario.name}: ${run.scenario.label[lang]}`;
        sw.put([[name]], "header");
        const tRef: CellRef = { sheet: scSheet.name, row: summary.row + i, col: summary.col + 6 };
        const yRef: CellRef = { sheet: scSheet.name, row: summary.row + i, col: summary.col + 7 };
        const tonnes = written(tRef);
        if (tonnes === null) {
          sw.put([[tr(A.cumTonnes), tr(A.suppressed)]], "body");
          return;
        }
        // t × 10³ kg/t × 円/kg ÷ 10⁶ = t × 円/kg ÷ 10³ (written as 1E3: the public version's check
        // greps formulas for confidential capacities, which may be round thousands).
        const myen = (tonnes * a.sheets.params.unitValue) / 1e3;
        const tRow = sw.put([[tr(A.cumTonnes), f(sheetCell(tRef), tonnes)]], "body", [null, FMT.tonnes]);
        const yRow = sw.row;
        const wy = written(yRef);
        const yLine: CellSpec[] = [tr(A.cumYen), f(`${bareCell(tRow, 1)}*${uv}/1E3`, myen), null, null];
        if (wy !== null) {
          yLine[2] = f(sheetCell(yRef), wy);
          yLine[3] = auditCheck(bareCell(yRow, 1), bareCell(yRow, 2), myen, wy);
          sw.checks.push(bareCell(yRow, 3));
        }
        sw.put([yLine], "body", [null, FMT.money, FMT.money, null]);
        // The stage table of this scenario on the scenarios sheet: its name, the column heads,
        // then the four stages.
        const hi = scSheet.blocks.findIndex((b) => b.values[0]?.[0] === `${name} — ${cum}`);
        const stageBody = hi >= 0 ? scSheet.blocks[hi + 2] : undefined;
        sw.put([[tr(A.effect), ...measures.flatMap((m) => [tr(MEASURE_LABELS[m]), tr(A.written), tr(AUDIT.match)])]], "header");
        const first = sw.row;
        const lines: CellSpec[][] = EFFECT_STAGES.map((st, si) => {
          const r = first + si;
          const line: CellSpec[] = [tr(STAGE_LABELS[st])];
          measures.forEach((m, mi) => {
            const v = myen * (ue.perMillionYen[st][m] as number);
            const c = 1 + mi * 3;
            line.push(f(`${absCell(yRow, 1)}*${absCell(unitTop + si, 1 + mi)}`, v));
            const wRef: CellRef | undefined = stageBody ? { sheet: scSheet.name, row: stageBody.row + si, col: stageBody.col + 1 + mi } : undefined;
            const wv = written(wRef);
            if (wRef && wv !== null) {
              line.push(f(sheetCell(wRef), wv), auditCheck(bareCell(r, c), bareCell(r, c + 1), v, wv));
              sw.checks.push(bareCell(r, c + 2));
            } else line.push(null, null);
          });
          return line;
        });
        sw.put(lines, "body", [null, ...measures.flatMap(() => [FMT.money, FMT.money, null])]);
        sw.row++;
      });
    }
    return sw.done({ 0: 44, 1: 20, 2: 20, 3: 20, 4: 16, 5: 14, 6: 14, 7: 14, 8: 14 });
  };
  return { sections: [section] };
}
