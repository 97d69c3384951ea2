// The 方法・出典 sheet says enough to reproduce a run: inputs with checksums, the confirmed
// mapping, model variants, every parameter with its value and source (default file and grade,
// or entered by the user), warnings, version and date; and a report's own method sheet is
// completed rather than replaced.
import { describe, expect, it } from "vitest";
import { buildMethodSheet, mappingFromLayout, withMethodSheet } from "../../../src/report/deliverable";
import type { ProvenanceSpec, SheetSpec } from "../../../src/report/spec";
import { demoRun } from "./fixture";

const rows = (s: SheetSpec) => s.blocks.flatMap((b) => b.values);
const texts = (s: SheetSpec) => rows(s).flat().filter((v): v is string => typeof v === "string");

const provenance: ProvenanceSpec = {
  software: "Ripple",
  version: "1.2.3",
  createdAt: "2025-04-01T09:00:00.000Z",
  inputs: [{ description: "ripple-sample.xlsx", sheet: "取引基本表", range: "A1:Z40", checksum: "sha256:abc" }],
  parameters: [
    { name: "消費転換係数", value: 0.734, source: "家計調査 2011", grade: "A", file: "defaults.csv!C5" },
    { name: "割引率", value: 0.05, source: "（記入）", user: true },
  ],
  variants: ["逆行列: 開放型 [I − (I − M̂)A]⁻¹", "第2次間接効果: 一巡の誘発消費（閉鎖型モデルではない）"],
  warnings: ["分類不明の行を無視しました"],
  mapping: [{ axis: "row", address: "取引基本表!B5", label: "01 農林水産業", role: "sector", how: "label" }],
};

describe("buildMethodSheet", () => {
  const sheet = buildMethodSheet({ provenance, lang: "ja", auditSheet: "検算（数式）", sections: [{ title: "輸入の扱い", rows: [["競争輸入型"]] }] });

  it("lists inputs with checksums, the mapping, variants, parameters with source and grade, warnings, version and date", () => {
    const r = rows(sheet);
    expect(r).toContainEqual(["ripple-sample.xlsx", "取引基本表", "A1:Z40", "sha256:abc"]);
    expect(r).toContainEqual(["行", "取引基本表!B5", "01 農林水産業", "部門", "ラベル"]);
    expect(r).toContainEqual(["消費転換係数", 0.734, "家計調査 2011", "A", "defaults.csv!C5"]);
    expect(r).toContainEqual(["割引率", 0.05, "利用者が入力", null, null]);
    expect(r).toContainEqual([provenance.variants[1]]);
    expect(r).toContainEqual(["分類不明の行を無視しました"]);
    expect(r).toContainEqual(["バージョン", "1.2.3"]);
    expect(r).toContainEqual(["作成日時", "2025-04-01T09:00:00.000Z"]);
    expect(r).toContainEqual(["競争輸入型"]);
    expect(texts(sheet)).toContain("→ 検算（数式）");
    expect(sheet.key).toBe("methods");
  });

  it("says None when there are no warnings, in English too", () => {
    const en = buildMethodSheet({ provenance: { ...provenance, warnings: [] }, lang: "en" });
    expect(en.name).toBe("Method & sources");
    const i = rows(en).findIndex((row) => row[0] === "Warnings");
    expect(rows(en)[i + 1]).toEqual(["None"]);
  });
});

describe("withMethodSheet on the analysis report", () => {
  it("keeps the report's own sheet and adds the confirmed mapping and how to reproduce", async () => {
    const run = await demoRun("ja");
    const before = run.spec.sheets.find((s) => s.key === "methods")!;
    const mapping = mappingFromLayout(run.layout);
    expect(mapping.filter((m) => m.role === "sector")).toHaveLength(26); // 13 rows + 13 columns
    expect(mapping[0].address).toMatch(/^取引基本表![A-Z]+\d+$/);
    const out = withMethodSheet({ ...run.spec, provenance: { ...run.spec.provenance, mapping } }, { auditSheet: "検算（数式）" });
    const after = out.sheets.find((s) => s.key === "methods")!;
    expect(after.blocks.slice(0, before.blocks.length)).toEqual(before.blocks);
    expect(texts(after)).toContain("表の対応づけ（確定した行・列の役割）");
    expect(texts(after)).toContain("再現の手順");
    expect(texts(after).some((t) => t.includes("RIPPLE.* 関数・外部リンク・マクロなし"))).toBe(true);
    const firstNew = after.blocks[before.blocks.length];
    const lastOld = before.blocks[before.blocks.length - 1];
    expect(firstNew.row).toBeGreaterThan(lastOld.row + lastOld.values.length - 1);
  });
});
