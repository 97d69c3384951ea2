// The run record as an Office custom XML part of the full (internal) results workbook: stored in
// the file, kept by Excel, neither shown on a sheet nor printed. Its text is the record's JSON.
// `ripple compare` and the pane's 比較 read it back to recompute the run with some inputs of
// another run (usecases/compare.ts). The public version never carries it: it holds the plans.

import type { CustomXmlSpec } from "./spec";

export const RUN_RECORD_NAMESPACE = "urn:ripple:run-record";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&"
      : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1))));

export function runRecordPart(json: string, format: number): CustomXmlSpec {
  return {
    namespace: RUN_RECORD_NAMESPACE,
    xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<runRecord xmlns="${RUN_RECORD_NAMESPACE}" format="${format}">${escape(json)}</runRecord>`,
  };
}

/** The format and JSON of a record part, or null when the XML is not one. */
export function runRecordFromXml(xml: string): { format: number | null; json: string } | null {
  const m = /<runRecord\s+xmlns="urn:ripple:run-record"(?:\s+format="(\d+)")?\s*>([\s\S]*)<\/runRecord>/.exec(xml);
  if (!m) return null;
  return { format: m[1] ? Number(m[1]) : null, json: unescape(m[2]) };
}
