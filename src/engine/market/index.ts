// Demand-share model for magnets, scenarios and uncertainty (MODELS.md 8-9).
export * from "./model";
export * from "./defaults";
export * from "./montecarlo";
export * from "./sheet";
export * from "./run";
