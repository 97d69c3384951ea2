#!/usr/bin/env node
// The `ripple` command: compiled from src/cli by `npm run build:cli` (run on install). The run
// itself happens in a worker thread (dist/cli/launcher.js) so Ctrl+C is honoured at once.
let launcher;
try {
  launcher = require("../dist/cli/launcher.js");
} catch (err) {
  // A checkout that was never built (or built from another version) has no launcher: say what to
  // do instead of a stack trace.
  if (!err || err.code !== "MODULE_NOT_FOUND") throw err;
  process.stderr.write(
    "ripple: the command line is not compiled in this folder (dist/cli is missing or out of date). " +
      "Run `npm run build:cli` (or `npm install`) and try again.\n",
  );
  process.exit(70);
}
launcher.runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // main() maps every expected error to a one-line message; this is the last resort.
    process.stderr.write(`ripple: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
