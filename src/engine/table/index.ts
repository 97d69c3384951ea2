// The table reader: grid -> layout -> IOTable, plus employment sheets and shocks.

export { parseCsv } from "./csv";
export { recognizeLayout, type RecognizeOptions } from "./recognize";
export { buildTable, readTable } from "./build";
export { layoutToMapping } from "./mapping";
export { attachEmployment } from "./employment";
export { shockFromPairs, parseShockGrid, type ShockPair } from "./shock";
export { classifyLabel } from "./labels";
export { unitFrom } from "./title";
export * from "./types";
