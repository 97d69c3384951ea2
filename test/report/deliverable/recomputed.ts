// The check every audit-sheet test makes after LibreOffice has recalculated the workbook: no error
// values on the sheet, and every formula cell of the spec equal to its cached value (numbers to
// 1e-9 relative, booleans exactly). Returns how many numeric formulas were compared, so each test
// can say how many it expects.
import { expect } from "vitest";
import { a1 } from "../../../src/engine/grid";
import { isFormulaCell, type SheetSpec } from "../../../src/report/spec";
import type { StoredCell } from "./xlsxCells";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

export function expectFormulasRecomputed(sheet: SheetSpec, cells: StoredCell[]): number {
  const got = new Map(cells.filter((c) => c.sheet === sheet.name).map((c) => [c.address, c]));
  expect(cells.filter((c) => c.sheet === sheet.name && c.value?.kind === "error")).toEqual([]);
  let numbers = 0;
  for (const b of sheet.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isFormulaCell(v)) return;
        const address = a1(b.row + r, b.col + c);
        const cell = got.get(address)!;
        expect(cell, address).toBeDefined();
        if (typeof v.value === "number") {
          expect(cell.value?.kind, address).toBe("number");
          expect(rel(cell.value!.value as number, v.value), address).toBeLessThan(1e-9);
          numbers++;
        } else if (typeof v.value === "boolean") expect(cell.value, address).toEqual({ kind: "bool", value: v.value });
      }),
    );
  return numbers;
}
