// Supported plans: the project sheet, shocks by fiscal year, evaluation, B/C and KPIs (MODELS.md 6).
export * from "./schema";
export * from "./parse";
export * from "./evaluate";
