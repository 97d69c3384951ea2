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
/** Rows or containers walked between two calls of a checkpoint (Ctrl+C): a few ms of work. */
const PER_CHECK = 256;

export function checkFiniteSpec(spec: WorkbookSpec, checkpoint?: () => void): void {
  for (const sheet of spec.sheets)
    for (const b of sheet.blocks)
      for (let r = 0; r < b.values.length; r++) {
        if (checkpoint && r % PER_CHECK === 0) checkpoint();
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
export function checkFiniteJson(value: unknown, checkpoint?: () => void): void {
  // Iterative walk (nothing here grows the stack with input). Paths are spelled only for the
  // number that fails: building one per element cost more than the check on large results.
  const stack: { v: unknown; up: number; key: string | number }[] = [{ v: value, up: -1, key: "$" }];
  const seen: { up: number; key: string | number }[] = [];
  const pathOf = (at: number, key: string | number): string => {
    const keys: (string | number)[] = [key];
    for (let i = at; i >= 0; i = seen[i].up) keys.push(seen[i].key);
    return keys.reverse().map((k, i) => (i === 0 ? String(k) : typeof k === "number" ? `[${k}]` : `.${k}`)).join("");
  };
  while (stack.length) {
    const { v, up, key } = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw overflow(`JSON ${pathOf(up, key)}`, {});
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (ArrayBuffer.isView(v)) {
      if (v instanceof Float64Array) {
        const i = v.findIndex((x) => !Number.isFinite(x));
        if (i >= 0) throw overflow(`JSON ${pathOf(seen.push({ up, key }) - 1, i)}`, {});
      }
      continue;
    }
    const here = seen.push({ up, key }) - 1;
    if (checkpoint && here % PER_CHECK === 0) checkpoint();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === "number" && !Number.isFinite(x)) throw overflow(`JSON ${pathOf(here, i)}`, {});
      }
      for (let i = v.length - 1; i >= 0; i--) {
        const x: unknown = v[i];
        if (x !== null && typeof x === "object") stack.push({ v: x, up: here, key: i });
      }
    } else for (const [k, x] of Object.entries(v)) stack.push({ v: x, up: here, key: k });
  }
}
