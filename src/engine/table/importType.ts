// Step 7 of recognition: the import convention of the table (competitive: (控除)輸入 columns in
// final demand; domestic-use: an import row among the primary inputs), with the reason shown.

import type { Bilingual } from "../errors";
import { gridAddress, type Grid } from "../grid";
import type { ImportType } from "./types";
import { showLabel, type Work } from "./work";

export function decideImportType(
  grid: Grid,
  rows: Work[],
  cols: Work[],
  user: ImportType | undefined,
): { type: ImportType; source: "detected" | "user"; reason: Bilingual } {
  const importCols = cols.filter((w) => w.role === "import");
  const importRows = rows.filter((w) => w.role === "import");
  const cells = (ws: Work[]) => ws.map((w) => `${gridAddress(grid, w.at.r, w.at.c)} ${showLabel(w)}`).join(", ");
  if (user) {
    return {
      type: user,
      source: "user",
      reason: {
        ja: `利用者の指定により${user === "competitive" ? "競争輸入型" : "非競争輸入型（国産品表）"}として扱います。`,
        en: `Treated as ${user === "competitive" ? "competitive-import" : "domestic-use (non-competitive)"} because the user chose it.`,
      },
    };
  }
  if (importCols.length > 0) {
    return {
      type: "competitive",
      source: "detected",
      reason: {
        ja: `最終需要部門に（控除）輸入の列があるため競争輸入型と判定しました: ${cells(importCols)}。`,
        en: `Competitive imports: the final-demand block has (less) import columns: ${cells(importCols)}.`,
      },
    };
  }
  if (importRows.length > 0) {
    return {
      type: "domestic",
      source: "detected",
      reason: {
        ja: `輸入が行（粗付加価値と並ぶ投入）として記録されているため非競争輸入型（国産品の表）と判定しました: ${cells(importRows)}。`,
        en: `Domestic-use table: imports are a row of primary inputs: ${cells(importRows)}.`,
      },
    };
  }
  return {
    type: "domestic",
    source: "detected",
    reason: {
      ja: "輸入の行も（控除）輸入の列もないため、中間投入は国産品のみ（非競争輸入型）とみなしました。",
      en: "No import row and no (less) import column: intermediate flows are taken as domestic (domestic-use table).",
    },
  };
}
