// A result that overflowed (a shock of 1e308, a table near singular) is not a result: it is
// refused with exit 3 before anything is written, instead of reaching the workbook as #NUM!
// cells and the JSON as null. "Undefined" figures are already written as "—" / null by the
// engine and the reports, so any non-finite number left is an overflow.
import { RippleError } from "../engine/errors";
import { a1 } from "../engine/grid";
import type { WorkbookSpec } from "../report/spec";

function overflow(where: string, at: { sheet?: string; cell?: string }): RippleError {
  return new RippleError(
    "result-not-finite",
    {
      ja: `結果に有限でない数（オーバーフロー）があります（${where}）。ショックや表の値が大きすぎないか確認してください。何も書き込んでいません。`,
      en: `a result is not a finite number (overflow) at ${where}. Check that the shock and the table's values are not too large. Nothing was written.`,
    },
    at,
    "numeric",
  );
}

/** Throws naming the first sheet and cell whose number is infinite or NaN. */
export function checkFiniteSpec(spec: WorkbookSpec): void {
  for (const sheet of spec.sheets)
    for (const b of sheet.blocks)
      for (let r = 0; r < b.values.length; r++) {
        const row = b.values[r];
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          const x = typeof v === "number" ? v : v !== null && typeof v === "object" && typeof v.value === "number" ? v.value : 0;
          if (!Number.isFinite(x)) {
            const cell = a1(b.row + r, b.col + c);
            throw overflow(`${sheet.name}!${cell}`, { sheet: sheet.name, cell });
          }
        }
      }
}

/** Throws naming the JSON path of the first infinite or NaN number (JSON would write null). */
export function checkFiniteJson(value: unknown): void {
  // Iterative walk: the depth of a result is small, but nothing here grows the stack with input.
  const stack: [unknown, string][] = [[value, "$"]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw overflow(`JSON ${path}`, {});
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) {
      for (const [k, x] of Object.entries(v)) stack.push([x, `${path}.${k}`]);
    } else if (ArrayBuffer.isView(v) && v instanceof Float64Array) {
      const i = v.findIndex((x) => !Number.isFinite(x));
      if (i >= 0) throw overflow(`JSON ${path}[${i}]`, {});
    }
  }
}
