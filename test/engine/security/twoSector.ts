// The two-sector table the security tests share: A = [[0.15, 0.25], [0.2, 0.05]] (Miller & Blair's
// ch. 2 coefficients), x = (1000, 2000), value added (0.65, 0.70) of which compensation (0.3, 0.4),
// jobs (0.01, 0.02) per 百万円 when asked for. L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575.
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
