// How an error crosses a thread boundary (the pane's compute worker, the command line's helper
// thread): a structured clone keeps data but not classes, so a RippleError travels as its parts
// (code, kind, text in both languages, sheet and cell, the problems of a list) and is rebuilt on
// the other side, where it is formatted as before.

import { RippleError, RippleErrorList, type Bilingual, type ErrorKind, type Where } from "./errors";

export type WireError =
  | { ripple: true; code: string; kind: ErrorKind; text: Bilingual; where: Where; problems?: WireError[] }
  | { ripple: false; name: string; message: string; stack?: string };

export function toWire(e: unknown): WireError {
  if (e instanceof RippleError) {
    const base = { ripple: true as const, code: e.code, kind: e.kind, text: e.text, where: e.where };
    return e instanceof RippleErrorList ? { ...base, problems: e.problems.map(toWire) } : base;
  }
  if (e instanceof Error) return { ripple: false, name: e.name, message: e.message, stack: e.stack };
  return { ripple: false, name: "Error", message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (!w.ripple) {
    const e = new Error(w.message);
    e.name = w.name;
    if (w.stack) e.stack = w.stack;
    return e;
  }
  if (w.problems) return new RippleErrorList(w.code, w.problems.map((p) => fromWire(p) as RippleError));
  return new RippleError(w.code, w.text, w.where, w.kind);
}
