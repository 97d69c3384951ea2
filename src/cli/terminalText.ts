// Text that reaches a terminal comes partly from the user's files (sector labels, sheet names):
// an escape sequence in a label must not move the cursor, recolour or retitle the terminal, or
// hide text. Control characters (C0 but tab and newline, DEL, C1 — ESC and CSI among them) and
// the bidirectional overrides are shown as U+FFFD instead.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, "\ufffd");
}

/** JSON for a terminal or pipe: JSON.stringify escapes C0 but not C1 or the bidi controls;
 * \u escapes keep the text valid JSON with the same value. */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
