// The two-sector table the security tests share: A = [[0.15, 0.25], [0.2, 0.05]] (Miller & Blair's
// ch. 2 coefficients), x = (1000, 2000), value added (0.65, 0.70) of which compensation (0.3, 0.4),
// jobs (0.01, 0.02) per 百万円 when asked for. L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575.
import { IOModel } from "../../../src/engine/model/iomodel";
import { unitLossesOf, type SecurityInput, type YearFlows } from "../../../src/engine/security";
import { makeTable } from "../../../src/engine/table/types";

export function twoSector(opts: { employment?: boolean } = { employment: true }) {
  return makeTable({
    sectors: ["製造業", "サービス"],
    Z: [
      [150, 500],
      [200, 100],
    ],
    x: [1000, 2000],
    finalDemand: [{ role: "fd:household", values: [350, 1700] }],
    primaryInputs: [
      { role: "va:compensation", values: [300, 800] },
      { role: "va:other", values: [350, 600] },
    ],
    ...(opts.employment ? { employment: [10, 40] } : {}),
    importType: "domestic",
    unit: "百万円",
  });
}

/** A small security input on the two-sector table: two years, two applications in sector 0, one
 * event (80% cut for 6 months), and judgement parameters with which some draws lose output. */
export function twoSectorSecurity(): { input: SecurityInput; p: Record<string, number> } {
  const model = IOModel.build(twoSector());
  const flows = (supported: number, year: number): YearFlows => ({ year, demandByApplication: [60, 40], importsByOrigin: [50], exports: 20, existingCapacity: 70, supportedCapacity: supported });
  const input: SecurityInput = {
    years: [2026, 2027],
    without: [flows(0, 2026), flows(0, 2027)],
    with: [flows(30, 2026), flows(30, 2027)],
    applications: ["a", "b"],
    sectorOfApplication: [0, 0],
    scenarios: [
      { id: "none", label: { ja: "途絶なし", en: "none" }, event: { months: 0, cutByOrigin: [0] }, probabilityKey: null },
      { id: "severe", label: { ja: "深刻", en: "severe" }, event: { months: 6, cutByOrigin: [0.8] }, probabilityKey: "probability:severe" },
    ],
    unit: unitLossesOf(model, [0]),
    tableUnitsPerMillionYen: 1,
    discountRate: 0.04,
    baseYear: 2026,
    pvSubsidy: 1000,
  };
  const p = { surgeUtilization: 1, planUtilization: 1, inventoryMonths: 0, otherOriginsSpare: 0, "dependent:a": 10, "dependent:b": 5, "probability:severe": 0.1 };
  return { input, p };
}
