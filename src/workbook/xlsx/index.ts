// The file host: reads workbooks and CSV files into grids, writes results workbooks with
// native charts. Used by the command line.
export { readXlsx, readXlsxBuffer, type GridFile, type MergedRange } from "./readXlsx";
export { writeXlsx, writeXlsxBuffer } from "./writeXlsx";
export { xlsxBytes } from "./xlsxBytes";
export { decodeText, type TextEncoding } from "./decodeText";
export { rangeFormula } from "./chartXml";
export { readGridFile } from "./readGridFile";
export { readCustomXmlParts } from "./customXml";
