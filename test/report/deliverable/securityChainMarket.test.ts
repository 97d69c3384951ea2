// The chain by sector on the audit sheet of a workbook without an L sheet (`ripple analyze
// --market` with the plans, as the pane's 需給モデル tab writes it): L·Δx from the columns of L the
// security sheet writes beside its table by sector, as per-cell sums of products; LibreOffice
// recalculates every formula of the section to the value the file stores, and every check is TRUE.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, run, tempDir } from "../../cli/helpers";
import { convertWithLibreOffice, sofficePath } from "../../workbook/xlsx/libreoffice";
import { readStoredCells, type StoredCell } from "./xlsxCells";

const AUDIT = "検算（数式）";
const TITLE = "経済安全保障効果: 部門別の連鎖の検算";
let written: StoredCell[] = [];
let recalculated: StoredCell[] = [];

beforeAll(async () => {
  sofficePath();
  const dir = tempDir();
  const r = await run(["analyze", join(repoRoot, "assets", "ripple-sample.xlsx"), "--market", "磁石パラメータ", "--out", "m.xlsx", "--lang", "ja"], { cwd: dir });
  expect(r.code).toBe(0);
  written = await readStoredCells(join(dir, "m.xlsx"));
  recalculated = await readStoredCells(await convertWithLibreOffice(join(dir, "m.xlsx"), "xlsx", { outDir: join(dir, "lo") }));
}, 420_000);

/** The cells of the chain's section: from its title's row to the end of the audit sheet. */
const section = (cells: StoredCell[]) => {
  const title = cells.find((c) => c.sheet === AUDIT && c.value?.kind === "string" && c.value.value === TITLE)!;
  expect(title).toBeDefined();
  return cells.filter((c) => c.sheet === AUDIT && c.row >= title.row);
};

describe("the chain by sector without an L sheet", () => {
  it("is recomputed from the security sheet's columns of L, and LibreOffice agrees with every stored value", () => {
    expect(written.some((c) => c.sheet === "逆行列係数 L")).toBe(false);
    const cells = section(written);
    const formulas = cells.filter((c) => c.formula);
    expect(formulas.some((c) => c.formula!.startsWith("MMULT("))).toBe(false);
    // L·Δx of each sector: Σ over the sectors with a Δx of L_ij (the security sheet) × Δx_j
    const sums = formulas.filter((c) => /^'経済安全保障効果'!\$[A-Z]+\$\d+\*\$[A-Z]+\$\d+$/.test(c.formula!));
    expect(sums.length).toBeGreaterThanOrEqual(2 * 13);
    const checks = formulas.filter((c) => c.formula!.startsWith("ABS("));
    expect(checks.length).toBeGreaterThanOrEqual(4 * 13 + 4);
    expect(checks.every((c) => c.value?.kind === "bool" && c.value.value === true)).toBe(true);
    const again = new Map(section(recalculated).map((c) => [c.address, c.value]));
    for (const c of formulas) {
      const v = again.get(c.address);
      if (c.value?.kind === "number") {
        expect(v?.kind, c.address).toBe("number");
        expect(Math.abs((v!.value as number) - c.value.value) / Math.max(1, Math.abs(c.value.value)), c.address).toBeLessThan(1e-9);
      } else if (c.value?.kind === "bool") expect(v, c.address).toEqual(c.value);
    }
    expect(cells.some((c) => c.value?.kind === "string" && c.value.value.includes("見つからない"))).toBe(false);
  });
});
