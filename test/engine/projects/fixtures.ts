// The two-sector competitive table the projects tests check by hand (numbers worked out in
// evaluate.test.ts).
import { makeTable } from "../../../src/engine/table/types";

export function twoSector() {
  return makeTable({
    sectors: [
      { code: "01", name: "磁石", label: "磁石" },
      { code: "02", name: "その他", label: "その他" },
    ],
    Z: [
      [10, 40],
      [20, 20],
    ],
    x: [100, 200],
    finalDemand: [
      { role: "fd:household", values: [50, 160] },
      { role: "export", values: [10, 0] },
      { role: "import", values: [-10, 0] },
    ],
    primaryInputs: [
      { role: "va:compensation", values: [35, 70] },
      { role: "va:surplus", values: [35, 70] },
    ],
    importType: "competitive",
  });
}
