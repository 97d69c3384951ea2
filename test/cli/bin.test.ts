// The installed command: bin/ripple.js runs the compiled dist/cli/main.js.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../src/workbook/xlsx";
import { tempDir } from "./helpers";
import { ensureCliBuilt, repoRoot } from "./paths";

describe("node bin/ripple.js", () => {
  beforeAll(() => ensureCliBuilt("main.js"));

  it("ripple demo writes the results workbook", async () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [join(repoRoot, "bin/ripple.js"), "demo", "--lang", "en"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANG: "C" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Ripple multiple");
    const wb = await readXlsx(join(dir, "ripple-demo-results.xlsx"));
    expect(wb.sheets.map((s) => s.sheet)).toEqual([
      "Policy summary",
      "Economic security",
      "Security parameters",
      "By year",
      "By project",
      "KPI",
      "By sector",
      "Input coefficients A",
      "Import coefficients m",
      "Leontief inverse L",
      "Multipliers & linkages",
      "CGE results",
      "CGE results 2",
      "CGE results 3",
      "CGE results 4",
      "CGE scenario",
      "SAM",
      "Audit (formulas)",
      "Method & sources",
    ]);
  });

  it("a bad input exits non-zero with one line", () => {
    const r = spawnSync(process.execPath, [join(repoRoot, "bin/ripple.js"), "analyze", "missing.xlsx", "--lang", "en"], {
      cwd: tempDir(),
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("missing.xlsx");
  });
});
