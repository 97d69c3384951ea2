#!/usr/bin/env node
// The `ripple` command: compiled from src/cli by `npm run build:cli` (run on install).
require("../dist/cli/main.js").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // main() maps every expected error to a one-line message; this is the last resort.
    process.stderr.write(`ripple: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
