// The result of one analysis, field for field the JSON of ../shared/spec/CLI.md (stable names:
// other tools rely on them). Vectors are in sector order, in table units (百万円 for MIC tables),
// employment in persons (or the table's own employment unit).

import type { ImportType } from "../table/types";

export interface Stage {
  output: number[];
  valueAdded: number[];
  compensation: number[];
  employment: number[] | null;
}

export interface Impact {
  direct: Stage;
  firstIndirect: Stage;
  secondIndirect: Stage;
  total: Stage;
  /** 波及倍率: total output / direct output, summed over sectors. */
  multiple: number;
}

export interface AnalysisResult {
  sectors: string[];
  importType: ImportType;
  A: number[][];
  L: number[][];
  importCoefficients: number[] | null;
  multipliers: {
    output: number[];
    valueAdded: (number | null)[];
    compensation: (number | null)[];
    employment: (number | null)[] | null;
  };
  /** Per unit of final demand. */
  effects: {
    valueAdded: number[];
    compensation: number[];
    employment: number[] | null;
  };
  linkages: { backward: number[]; forward: number[] };
  impact: Impact | null;
  warnings: string[];
}
