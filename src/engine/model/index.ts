// The models of the engine: coefficients, Leontief model (open, closed Type II), ripple effects,
// sector indicators, Ghosh, aggregation and sector split. See ../shared/spec/MODELS.md.

export * from "./result";
export * from "./lu";
export * from "./options";
export * from "./coefficients";
export * from "./closed";
export * from "./iomodel";
export * from "./impact";
export * from "./indicators";
export * from "./aggregate";
export * from "./split";
export * from "./analyze";
