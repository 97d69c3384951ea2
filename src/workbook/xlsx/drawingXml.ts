// The drawing part of one worksheet (xl/drawings/drawingN.xml, ECMA-376 Part 1, §20.5): one
// two-cell anchor per chart, placed by the spec's anchor cell and size in cells, plus the
// relationships from the drawing to its chart parts.
import type { ChartSpec } from "../../report/spec";
import { XML_HEADER, xmlEscape } from "./xmlText";

export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

export interface PlacedChart {
  chart: ChartSpec;
  /** Relationship id of the chart part within the drawing's rels. */
  relId: string;
}

export function drawingXml(charts: PlacedChart[]): string {
  const anchors = charts
    .map(({ chart, relId }, i) => {
      const { row, col, widthCols, heightRows } = chart.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${col + Math.max(1, widthCols)}</xdr:col><xdr:colOff>0</xdr:colOff>` +
        `<xdr:row>${row + Math.max(1, heightRows)}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro="">` +
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(`Chart ${i + 1}`)}" descr="${xmlEscape(chart.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    XML_HEADER +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    anchors +
    `</xdr:wsDr>`
  );
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** "External" for links outside the package (hyperlinks). */
  mode?: string;
}

export function relationshipsXml(rels: Relationship[]): string {
  return (
    XML_HEADER +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels
      .map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${xmlEscape(r.type)}" Target="${xmlEscape(r.target)}"${
          r.mode ? ` TargetMode="${xmlEscape(r.mode)}"` : ""
        }/>`,
      )
      .join("") +
    `</Relationships>`
  );
}
