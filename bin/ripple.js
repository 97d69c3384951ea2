#!/usr/bin/env node
// The `ripple` command: compiled from src/cli by `npm run build:cli` (run on install). The run
// itself happens in a worker thread (dist/cli/launcher.js) so Ctrl+C is honoured at once.
require("../dist/cli/launcher.js").runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // main() maps every expected error to a one-line message; this is the last resort.
    process.stderr.write(`ripple: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
