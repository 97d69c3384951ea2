// The report layer: engine results -> WorkbookSpec (host-independent).
export * from "./spec";
export * from "./labels";
export * from "./checksum";
export * from "./analysisReport";
