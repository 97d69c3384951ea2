// Confidential names and IDs however they are typed, and the checksum of the plans sheet: the
// demo with one plan made public whose notes name the confidential plans in other spellings;
// every part of the public .xlsx (unzipped XML), normalised the same way, holds none of them.
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { maskNames, normalizeName } from "../../../src/report/disclosure/normalize";
import { projectsDeliverables } from "../../../src/report/deliverable";
import { runProjectsPipeline } from "../../../src/usecases/projects";
import { readGridFile, writeXlsx } from "../../../src/workbook/xlsx";
import { xmlUnescape } from "../../../src/workbook/xlsx/xmlText";
import { SAMPLE } from "../deliverable/fixture";

describe("maskNames", () => {
  const names = ["例示磁石株式会社A", "Hidden Rare Earth KK", "P-01", "ガリレオ磁材"];
  it.each([
    ["注: 例示磁石株式会社Ａと共同", "注: ＊と共同"],
    ["例示 磁石株式会社　A の工場", "＊ の工場"],
    ["hidden rare  earth kk", "＊"],
    ["P‐01 と P-010 と XP-01", "＊ と P-010 と XP-01"],
    ["ｶﾞﾘﾚｵ磁材", "＊"],
    ["𠮷P-01𠮷", "𠮷＊𠮷"],
  ])("%s", (text, masked) => {
    expect(maskNames(text, names, "＊")).toBe(masked);
  });
});

describe("the public file of the demo with a public plan that names the confidential ones", () => {
  let parts: Map<string, string>;
  let fullParts: Map<string, string>;
  let secret: string[];
  let planChecksum: string;
  beforeAll(async () => {
    const file = await readGridFile(SAMPLE);
    const g = (n: string) => file.sheets.find((x) => x.sheet === n) ?? null;
    const run = runProjectsPipeline({
      tableGrid: g("取引基本表")!,
      projectGrid: g("事業計画")!,
      converterGrid: g("投資転換表")!,
      paramsGrid: g("パラメータ"),
      splitGrid: g("部門分割"),
      lang: "ja",
      version: "test",
      now: new Date("2025-01-01T00:00:00Z"),
    });
    const conf = run.projects.filter((p) => p.id !== "P-04");
    const spelled = (s: string) => s.replace(/A$/, "Ａ").replace(/B$/, "Ｂ").replace("磁石", "磁石 ").replace(/C$/, "c");
    const plans = run.projects.map((p) =>
      p.id === "P-04" ? { ...p, confidential: false, notes: `${conf.map((c) => `${spelled(c.company)}（${c.id.replace("-", "‐")}）`).join("、")} と同じ設備単価` } : p,
    );
    const again = run.rebuild(plans);
    const d = projectsDeliverables({ spec: again.spec, evaluation: again.evaluation, model: run.model, layout: run.layout, projects: plans, rebuild: run.rebuild });
    secret = conf.flatMap((c) => [c.company, c.id]);
    planChecksum = run.spec.provenance.inputs.find((i) => i.sheet === "事業計画")!.checksum!;
    const dir = mkdtempSync(join(tmpdir(), "ripple-masking-"));
    const read = async (spec: typeof d.full) => {
      const f = join(dir, `${Math.random()}.xlsx`);
      await writeXlsx(spec, f);
      const zip = await JSZip.loadAsync(readFileSync(f));
      const out = new Map<string, string>();
      for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) out.set(n, await zip.file(n)!.async("string"));
      return out;
    };
    parts = await read(d.public!);
    fullParts = await read(d.full);
  }, 120_000);

  /** The text of a part as a reader sees it, normalised as names are compared. */
  const seen = (xml: string) => normalizeName(xmlUnescape(xml.replace(/<[^>]+>/g, "")));

  it("has the other spellings in the full version", () => {
    const full = [...fullParts.values()].map(seen).join("\n");
    for (const s of secret) expect(full.includes(normalizeName(s)), s).toBe(true);
    expect([...fullParts.values()].join("\n")).toMatch(/例示磁石 株式会社Ａ/);
  });

  it("holds no confidential name or plan ID in any part, in any spelling", () => {
    for (const s of secret) {
      const hits = [...parts].filter(([, xml]) => new RegExp(`(?<![0-9a-z])${normalizeName(s).replace(/[-]/g, "\\-")}(?![0-9a-z])`).test(seen(xml))).map(([n]) => n);
      expect(hits, s).toEqual([]);
    }
  });

  it("keeps the public plan's note, with the names masked", () => {
    const strings = xmlUnescape(parts.get("xl/sharedStrings.xml")!);
    expect(strings).toContain("（非公開）（（非公開））、");
    expect(strings).toContain("と同じ設備単価");
  });

  it("leaves out the checksum of the plans sheet, and keeps the others", () => {
    const all = [...parts.values()].join("\n");
    expect([...fullParts.values()].join("\n")).toContain(planChecksum);
    expect(all).not.toContain(planChecksum.replace(/^sha256:/, ""));
    expect(all).toContain("（公開版では省略：非公開の計画を含むシート）");
    expect(all).toMatch(/sha256:[0-9a-f]{64}/);
  });
});
