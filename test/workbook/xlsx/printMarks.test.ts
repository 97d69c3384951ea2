// Every printed page of a deliverable says what it is: 取扱注意 in the header of each sheet of
// the internal version, 公開版 on the public one; the footer carries the run date, "page /
// pages" and an input checksum (never a confidential sheet's); frozen header rows repeat.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { makeDeliverables } from "../../../src/report/deliverable";
import type { WorkbookSpec } from "../../../src/report/spec";
import { writeXlsxBuffer } from "../../../src/workbook/xlsx";
import { CONFIDENTIAL, projectsSpec } from "../../report/deliverable/projectsFixture";

async function sheetsXml(spec: WorkbookSpec): Promise<{ sheets: string[]; workbook: string }> {
  const zip = await JSZip.loadAsync(await writeXlsxBuffer(spec));
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  return { sheets: await Promise.all(names.map((n) => zip.file(n)!.async("string"))), workbook: await zip.file("xl/workbook.xml")!.async("string") };
}

describe("print marks", () => {
  const base = projectsSpec();
  base.sheets[0].freeze = { rows: 1, cols: 0 };
  base.provenance.inputs = [
    { description: "表", sheet: "取引基本表", checksum: "sha256:0123456789abcdef0123" },
    { description: "計画", sheet: "計画", checksum: "sha256:fedcba9876543210fedc", confidential: true },
  ];
  const { full, public: pub } = makeDeliverables(base, { confidential: CONFIDENTIAL });

  it.each([
    ["full", "取扱注意"],
    ["public", "公開版"],
  ])("the %s version: marking, page numbers, date and checksum on every sheet", async (v, mark) => {
    const { sheets, workbook } = await sheetsXml(v === "full" ? full : pub!);
    expect(sheets.length).toBeGreaterThan(2);
    for (const xml of sheets) {
      expect(xml).toMatch(new RegExp(`<oddHeader>[^<]*${mark}[^<]*</oddHeader>`));
      const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1] ?? "";
      expect(footer).toContain("&amp;P / &amp;N");
      expect(footer).toContain("2025-01-01");
      expect(footer).toContain("sha256:0123456789ab");
      expect(footer).not.toContain("fedcba");
    }
    expect(workbook).toMatch(/_xlnm\.Print_Titles/);
  });

  it("leaves workbooks without a marking unmarked in the header's centre", async () => {
    const { sheets } = await sheetsXml(base);
    expect(sheets[0]).not.toMatch(/取扱注意|公開版/);
  });
});
