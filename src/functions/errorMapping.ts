// RippleError -> CustomFunctions.Error: the engine's kind decides the cell error
// (input -> #VALUE!, numeric -> #NUM!), the message names the sheet and cell and says what to do.
// Excel shows custom messages for #VALUE! and #N/A only; for #NUM! the text is kept in
// recentFunctionErrors() so the task pane can show it.

/// <reference types="custom-functions-runtime" />

import { type Lang, RippleError } from "../engine/errors";

let language: Lang | null = null;

/** The language of function messages: set by the pane when the user picks one; otherwise
 * Office's display language (Japanese unless Office says otherwise). */
export function setFunctionLanguage(lang: Lang | null): void {
  language = lang;
}

export function functionLanguage(): Lang {
  if (language) return language;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const display = office?.context?.displayLanguage;
  if (typeof display === "string" && display !== "") return display.toLowerCase().startsWith("ja") ? "ja" : "en";
  return "ja";
}

export interface FunctionErrorRecord {
  functionName: string;
  code: string;
  cellError: string;
  message: string;
  at: Date;
}

const RECENT_LIMIT = 20;
const recent: FunctionErrorRecord[] = [];

/** The last errors returned by RIPPLE.* functions, newest first. */
export function recentFunctionErrors(): FunctionErrorRecord[] {
  return [...recent];
}

/** Excel shows the text in a small card; long messages are clipped (the full text is in the
 * engine error and, for pane runs, in the pane). */
const MAX_MESSAGE = 255;

function clip(s: string): string {
  return s.length <= MAX_MESSAGE ? s : s.slice(0, MAX_MESSAGE - 1) + "…";
}

/** The CustomFunctions.Error for any thrown value; unexpected errors become #VALUE! with their
 * text (and are logged), never a silent result. */
export function toFunctionError(err: unknown, functionName: string): CustomFunctions.Error {
  const lang = functionLanguage();
  let code: CustomFunctions.ErrorCode;
  let message: string;
  let rippleCode: string;
  if (err instanceof RippleError) {
    code = err.kind === "numeric" ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    message = `RIPPLE.${functionName}: ${err.format(lang)}`;
    rippleCode = err.code;
  } else {
    console.error(`RIPPLE.${functionName}`, err);
    code = CustomFunctions.ErrorCode.invalidValue;
    const text = err instanceof Error ? err.message : String(err);
    message =
      lang === "ja"
        ? `RIPPLE.${functionName}: 内部エラー: ${text}（Ripple の不具合です。入力とともに報告してください）`
        : `RIPPLE.${functionName}: internal error: ${text} (a Ripple bug; please report it with the input)`;
    rippleCode = "internal";
  }
  message = clip(message);
  recent.unshift({ functionName, code: rippleCode, cellError: String(code), message, at: new Date() });
  recent.length = Math.min(recent.length, RECENT_LIMIT);
  return new CustomFunctions.Error(code, message);
}
