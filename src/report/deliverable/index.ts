// The deliverable layer every results workbook passes through before it is written: an audit
// sheet of native formulas, a complete method sheet, the checks that results sheets hold values
// only, and the public version with confidential projects removed.

export * from "./auditSheet";
export * from "./analysisAudit";
export * from "./analysisDeliverable";
export * from "./deliverables";
export * from "./disruptionAudit";
export * from "./disruptionDeliverable";
export * from "./marketAudit";
export * from "./marketDeliverable";
export * from "./methodSheet";
export * from "./projectsDeliverable";
export * from "./publicVersion";
export * from "./refs";
export * from "./sanitize";
export * from "./cgeAudit";
