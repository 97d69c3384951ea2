// The exit statuses of `ripple` (../shared/spec/CLI.md), one place for main() and the commands:
//   0 success · 2 bad input or usage · 3 numeric (singular / non-productive table)
//   130 cancelled (Ctrl+C) · 70 unexpected (stack trace only with RIPPLE_DEBUG=1)
export const EXIT = { ok: 0, input: 2, numeric: 3, cancelled: 130, unexpected: 70 } as const;
