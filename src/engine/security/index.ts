// Economic-security value of the supported plans (RESILIENCE.md): supply in a disruption, the
// shortfall's downstream loss through the IO model, with and without the plans, expectation, PV, B/C.
export * from "./build";
export * from "./evaluate";
export * from "./params";
export * from "./supply";
export * from "./run";
export * from "./sheet";
export * from "./montecarlo";
export * from "./dynamic";
export * from "./price";
export * from "./concordance";
export * from "./chain";
export * from "./histogram";
