// Native chart parts added to the package: well-formed, with the right series, references,
// caches, anchors, relationships and content types.
import { beforeAll, describe, expect, it } from "vitest";
import { writeXlsxBuffer } from "../../../src/workbook/xlsx";
import { withDrawingElement } from "../../../src/workbook/xlsx/zipCharts";
import { niceBounds, rangeFormula } from "../../../src/workbook/xlsx/chartXml";
import { RippleError } from "../../../src/engine/errors";
import { EFFECTS, SECTORS, STAGES, sampleSpec } from "./sampleSpec";
import { Package, type Xml } from "./packageParts";

let pkg: Package;

/** Chart parts of one sheet, in anchor order, found by following the relationships. */
async function chartsOf(sheetPart: string): Promise<{ drawing: Xml; charts: Xml[] }> {
  const sheet = await pkg.xml(sheetPart);
  const rid = sheet.worksheet.drawing["@_r:id"];
  const drawingRel = (await pkg.rels(sheetPart)).get(rid)!;
  expect(drawingRel.type).toMatch(/\/relationships\/drawing$/);
  const drawing = await pkg.xml(drawingRel.part);
  const drawingRels = await pkg.rels(drawingRel.part);
  const charts: Xml[] = [];
  for (const anchor of drawing["xdr:wsDr"]["xdr:twoCellAnchor"]) {
    const chartRid = anchor["xdr:graphicFrame"]["a:graphic"]["a:graphicData"]["c:chart"]["@_r:id"];
    const rel = drawingRels.get(chartRid)!;
    expect(rel.type).toMatch(/\/relationships\/chart$/);
    charts.push((await pkg.xml(rel.part))["c:chartSpace"]["c:chart"]);
  }
  return { drawing, charts };
}

const ptValues = (cache: Xml): string[] => (cache["c:pt"] ?? []).map((p: Xml) => String(p["c:v"]));

beforeAll(async () => {
  pkg = await Package.open(await writeXlsxBuffer(sampleSpec()));
});

describe("chart parts", () => {
  it("stacked columns: one series per stage, sector categories and values cached", async () => {
    const { charts } = await chartsOf("xl/worksheets/sheet1.xml");
    expect(charts).toHaveLength(3);
    const bar = charts[0]["c:plotArea"]["c:barChart"];
    expect(bar["c:barDir"]["@_val"]).toBe("col");
    expect(bar["c:grouping"]["@_val"]).toBe("stacked");
    expect(bar["c:overlap"]["@_val"]).toBe("100");
    expect(bar["c:ser"]).toHaveLength(3);
    bar["c:ser"].forEach((ser: Xml, k: number) => {
      expect(ser["c:tx"]["c:v"]).toBe(STAGES[k]);
      expect(ser["c:cat"]["c:strRef"]["c:f"]).toBe("'集計'!$A$3:$A$9");
      expect(ptValues(ser["c:cat"]["c:strRef"]["c:strCache"])).toEqual(SECTORS);
      const num = ser["c:val"]["c:numRef"];
      expect(num["c:f"]).toBe(`'集計'!$${"BCD"[k]}$3:$${"BCD"[k]}$9`);
      expect(num["c:numCache"]["c:ptCount"]["@_val"]).toBe(String(SECTORS.length));
      expect(ptValues(num["c:numCache"]).map(Number)).toEqual(EFFECTS.map((r) => r[k]));
    });
    const plot = charts[0]["c:plotArea"];
    expect(plot["c:catAx"][0]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("部門");
    expect(plot["c:valAx"][0]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("百万円");
    // The axes refer to each other and to the chart's axis ids.
    const ids = bar["c:axId"].map((a: Xml) => a["@_val"]);
    expect(plot["c:catAx"][0]["c:axId"][0]["@_val"]).toBe(ids[0]);
    expect(plot["c:catAx"][0]["c:crossAx"]["@_val"]).toBe(ids[1]);
    expect(plot["c:valAx"][0]["c:crossAx"]["@_val"]).toBe(ids[0]);
    expect(charts[0]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("部門別・段階別の生産誘発額");
    expect(charts[0]["c:legend"]).toBeDefined();
    expect(charts[0]["c:plotVisOnly"]["@_val"]).toBe("1");
  });

  it("horizontal clustered bars and a line chart", async () => {
    const { charts } = await chartsOf("xl/worksheets/sheet1.xml");
    const bar = charts[1]["c:plotArea"]["c:barChart"];
    expect(bar["c:barDir"]["@_val"]).toBe("bar");
    expect(bar["c:grouping"]["@_val"]).toBe("clustered");
    expect(bar["c:overlap"]).toBeUndefined();
    // The value axis (horizontal here) carries yAxisTitle, as in Excel's terms; sectors read
    // top-down in table order.
    const plot = charts[1]["c:plotArea"];
    expect(plot["c:valAx"][0]["c:axPos"]["@_val"]).toBe("b");
    expect(plot["c:valAx"][0]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("百万円");
    expect(plot["c:catAx"][0]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("部門");
    expect(plot["c:catAx"][0]["c:scaling"]["c:orientation"]["@_val"]).toBe("maxMin");
    expect(charts[1]["c:legend"]).toBeUndefined(); // one series: the title names it
    const line = charts[2]["c:plotArea"]["c:lineChart"];
    expect(line["c:ser"]).toHaveLength(1);
    expect(ptValues(line["c:ser"][0]["c:val"]["c:numRef"]["c:numCache"]).map(Number)).toEqual(EFFECTS.map((r) => r[1]));
  });

  it("scatter: x and y caches, markers-only points and marker-less reference lines", async () => {
    const { charts } = await chartsOf("xl/worksheets/sheet2.xml");
    expect(charts).toHaveLength(2);
    const sc = charts[0]["c:plotArea"]["c:scatterChart"];
    expect(sc["c:scatterStyle"]["@_val"]).toBe("lineMarker");
    expect(sc["c:ser"]).toHaveLength(3);
    const [points, ref1] = sc["c:ser"];
    expect(points["c:xVal"]["c:numRef"]["c:f"]).toBe("'Linkages 2011'!$B$2:$B$8");
    expect(ptValues(points["c:yVal"]["c:numRef"]["c:numCache"]).map(Number)).toEqual(SECTORS.map((_, i) => 1.25 - i * 0.06));
    expect(points["c:spPr"]["a:ln"]["a:noFill"]).toBeDefined();
    expect(points["c:marker"]["c:symbol"]["@_val"]).toBe("circle");
    // every point labelled with its sector's name, right of its marker; the reference lines unlabelled
    const labels = points["c:dLbls"]["c:dLbl"];
    expect(labels.map((l: any) => l["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"])).toEqual(SECTORS);
    expect(labels.map((l: any) => l["c:idx"]["@_val"])).toEqual(SECTORS.map((_, i) => String(i)));
    expect(labels.every((l: any) => l["c:dLblPos"]["@_val"] === "r" && l["c:showVal"]["@_val"] === "1")).toBe(true);
    expect(ref1["c:dLbls"]).toBeUndefined();
    expect(ref1["c:marker"]["c:symbol"]["@_val"]).toBe("none");
    expect(ref1["c:spPr"]["a:ln"]["a:solidFill"]).toBeDefined();
    expect(ptValues(ref1["c:xVal"]["c:numRef"]["c:numCache"])).toEqual(["0.7", "1"]);
    // Axes fit the data (x 0.7-1.22, y 0.7-1.4; step 0.2) instead of starting at zero.
    const [xAx, yAx] = charts[0]["c:plotArea"]["c:valAx"];
    expect([xAx["c:scaling"]["c:min"]["@_val"], xAx["c:scaling"]["c:max"]["@_val"]]).toEqual(["0.6", "1.4"]);
    expect([yAx["c:scaling"]["c:min"]["@_val"], yAx["c:scaling"]["c:max"]["@_val"]]).toEqual(["0.6", "1.4"]);
    // A chart reading another sheet names it.
    const other = charts[1]["c:plotArea"]["c:barChart"];
    expect(other["c:grouping"]["@_val"]).toBe("stacked");
    expect(other["c:ser"][2]["c:val"]["c:numRef"]["c:f"]).toBe("'集計'!$D$3:$D$9");
  });

  it("a value-axis format the chart asks for (shares as %), else the cells' format", async () => {
    const spec = sampleSpec();
    spec.sheets[0].charts![2].yAxisFormat = "0%";
    const own = await Package.open(await writeXlsxBuffer(spec));
    const sheet = await own.xml("xl/worksheets/sheet1.xml");
    const drawingRel = (await own.rels("xl/worksheets/sheet1.xml")).get(sheet.worksheet.drawing["@_r:id"])!;
    const rels = [...(await own.rels(drawingRel.part)).values()].filter((r) => /\/chart$/.test(r.type));
    const formats: Xml[] = [];
    for (const r of rels) formats.push((await own.xml(r.part))["c:chartSpace"]["c:chart"]["c:plotArea"]["c:valAx"][0]["c:numFmt"]);
    expect(formats.map((f) => [f["@_formatCode"], f["@_sourceLinked"]])).toEqual([["General", "1"], ["General", "1"], ["0%", "0"]]);
  });

  it("anchors charts at the spec's cells", async () => {
    const { drawing } = await chartsOf("xl/worksheets/sheet1.xml");
    const a = drawing["xdr:wsDr"]["xdr:twoCellAnchor"][1];
    expect([a["xdr:from"]["xdr:col"], a["xdr:from"]["xdr:row"]]).toEqual(["5", "17"]);
    expect([a["xdr:to"]["xdr:col"], a["xdr:to"]["xdr:row"]]).toEqual(["13", "33"]);
  });

  it("declares a content type for every part and resolves every relationship", async () => {
    const ct = await pkg.xml("[Content_Types].xml");
    const defaults = new Set(ct.Types.Default.map((d: Xml) => d["@_Extension"]));
    const overrides = new Map<string, string>(ct.Types.Override.map((o: Xml) => [o["@_PartName"].slice(1), o["@_ContentType"]]));
    for (const name of pkg.names()) {
      if (name === "[Content_Types].xml") continue;
      expect(overrides.has(name) || defaults.has(name.slice(name.lastIndexOf(".") + 1)), name).toBe(true);
      if (name.startsWith("xl/charts/")) expect(overrides.get(name)).toMatch(/drawingml\.chart\+xml$/);
      if (name.startsWith("xl/drawings/") && !name.includes("_rels")) expect(overrides.get(name)).toMatch(/drawing\+xml$/);
    }
    for (const part of overrides.keys()) expect(pkg.has(part), part).toBe(true);
    for (const name of pkg.names().filter((n) => n.endsWith(".rels"))) {
      const dir = name.replace(/\/?_rels\/[^/]+$/, "");
      const rels = await pkg.relsPart(name, dir);
      expect(rels.size, name).toBeGreaterThan(0);
      for (const [id, rel] of rels) {
        if (/hyperlink/.test(rel.type)) continue;
        expect(pkg.has(rel.part), `${name} ${id} -> ${rel.part}`).toBe(true);
      }
    }
  });

  it("puts <drawing> where the worksheet schema wants it", () => {
    const xml =
      '<worksheet xmlns="x"><sheetData/><pageMargins/><legacyDrawing r:id="rId9"/><tableParts count="0"/><extLst/></worksheet>';
    const out = withDrawingElement(xml, "rId3", "s");
    expect(out).toContain('<pageMargins/><drawing r:id="rId3"/><legacyDrawing');
    expect(out).toMatch(/^<worksheet xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" xmlns="x">/);
    expect(withDrawingElement('<worksheet xmlns:r="r"><sheetData/></worksheet>', "rId1", "s")).toBe(
      '<worksheet xmlns:r="r"><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
  });

  it("rounds scatter axis bounds out to a round step", () => {
    expect(niceBounds([0.8, 1.22])).toEqual({ min: 0.8, max: 1.3 });
    expect(niceBounds([-1234, 56789])).toEqual({ min: -20000, max: 60000 });
    expect(niceBounds([0.1 * 3, 0.7])).toEqual({ min: 0.3, max: 0.7 });
    expect(niceBounds([3, 3])).toBeUndefined();
    expect(niceBounds([])).toBeUndefined();
  });

  it("quotes every sheet name in references", () => {
    expect(rangeFormula("集計", { row: 1, col: 1, rows: 13, cols: 1 })).toBe("'集計'!$B$2:$B$14");
    expect(rangeFormula("it's", { row: 0, col: 0, rows: 1, cols: 1 })).toBe("'it''s'!$A$1");
  });

  it("finds and references sheets whose names hold XML-special characters", async () => {
    const name = `R&D <"x"> it's`;
    const spec = sampleSpec();
    spec.sheets[1] = {
      key: "special",
      name,
      blocks: [{ row: 0, col: 0, values: [["a", "b"], [1, 2]] }],
      charts: [
        {
          type: "column",
          title: "t & <u>",
          categories: { row: 0, col: 0, rows: 1, cols: 2 },
          series: [{ name: "s<1>", values: { row: 1, col: 0, rows: 1, cols: 2 } }],
          anchor: { row: 3, col: 0, widthCols: 5, heightRows: 10 },
        },
      ],
    };
    pkg = await Package.open(await writeXlsxBuffer(spec));
    const { charts } = await chartsOf("xl/worksheets/sheet2.xml");
    const ser = charts[0]["c:plotArea"]["c:barChart"]["c:ser"][0];
    expect(ser["c:tx"]["c:v"]).toBe("s<1>");
    expect(ser["c:val"]["c:numRef"]["c:f"]).toBe(`'R&D <"x"> it''s'!$A$2:$B$2`);
    expect(ptValues(ser["c:cat"]["c:strRef"]["c:strCache"])).toEqual(["a", "b"]);
    pkg = await Package.open(await writeXlsxBuffer(sampleSpec()));
  });

  it("rejects a chart that points at a sheet the workbook does not have", async () => {
    const spec = sampleSpec();
    spec.sheets[0].charts![0].series[0].values.sheet = "無い";
    const err = await writeXlsxBuffer(spec).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RippleError);
    expect(err).toMatchObject({ code: "chart-sheet-missing", where: { sheet: "集計" } });
  });
});
