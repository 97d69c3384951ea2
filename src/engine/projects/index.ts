// Supported plans: the project sheet, shocks by fiscal year, evaluation, the induced value added per yen of subsidy (reference) and KPIs (MODELS.md 6).
export * from "./schema";
export * from "./parse";
export * from "./evaluate";
