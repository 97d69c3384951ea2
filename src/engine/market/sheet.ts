// The demand-share model's input sheets: the layout the template and the readers share
// (sheetLayout.ts) and the readers (sheetReader.ts, with paramSheetReader.ts and
// scenarioSheetReader.ts). This module gathers them for the many importers outside the market model.

export * from "./sheetLayout";
export { type ParameterSource } from "./paramSheetReader";
export { ORIGINS } from "./scenarioSheetReader";
export * from "./sheetReader";
