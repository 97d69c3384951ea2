// The role drop-down's texts: every TABLES.md role has its name in both languages through the
// pane's own i18next instance. The codes contain ':' (fd:household), which i18next's default
// namespace separator used to swallow, so the pane showed the raw codes.

import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/taskpane/i18n";
import { ALL_ROLES, type Line, type TableLayout } from "../../src/engine/table/types";
import { linesToCheck } from "../../src/taskpane/components/RoleMap";

describe("role names in the pane", () => {
  it("shows every role by its Japanese and English name, never by its code", () => {
    const ja = createI18n("ja");
    const en = createI18n("en");
    for (const role of ALL_ROLES) {
      const j = ja.t(`roleName.${role}`);
      const e = en.t(`roleName.${role}`);
      expect(j, role).not.toContain(role);
      expect(e, role).not.toBe(role);
      expect(e, role).not.toContain(`roleName`);
      expect(j, role).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(ja.t("roleName.fd:household")).toBe("民間消費支出");
    expect(ja.t("roleName.va:compensation")).toBe("雇用者所得");
    expect(en.t("roleName.va:surplus")).toBe("Operating surplus");
  });
});

describe("lines to check (the role map's 要確認 count)", () => {
  const line = (address: string, role: Line["role"], source: Line["source"]): Line => ({ index: 0, address, code: null, name: address, role, source });
  const layout = (rows: Line[], warnings: TableLayout["warnings"] = []): TableLayout => ({
    sheet: "S",
    title: null,
    unit: null,
    rows,
    cols: [],
    sectorBlock: "C4:O16",
    importType: "competitive",
    importTypeSource: "detected",
    importTypeReason: { ja: "", en: "" },
    warnings,
  });

  it("counts roles decided by position and lines ignored as unknown, not labelled or blank lines", () => {
    const rows = [line("B4", "sector", "label"), line("B5", "sector", "position"), line("B6", "ignore", "position"), line("B7", "ignore", "position")];
    const warn = [{ code: "table.unknown-line", text: { ja: "", en: "" }, where: { sheet: "S", cell: "B7" } }];
    expect(linesToCheck(layout(rows, warn)).map((l) => l.address)).toEqual(["B5", "B7"]);
    expect(linesToCheck(layout([line("B4", "sector", "label"), line("B5", "subtotal", "sum")]))).toEqual([]);
  });
});
