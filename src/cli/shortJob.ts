// Which runs are short enough to run on the main thread (launcher.ts). The worker thread is there
// so that Ctrl+C is honoured within a second even inside a long synchronous step; it costs every
// run ~50 ms of start-up (a second Node environment), a sixth of a 100-sector analysis. A run whose
// every step is far below a second does not need it: `analyze` of a small CSV table to JSON only
// (no workbook is written, no market or plans model runs). The test is conservative — any option
// not listed here, a workbook input, or a file larger than SHORT_BYTES sends the run to the worker
// — and it only chooses the thread: commander still parses and checks every option in main().
import { statSync } from "node:fs";
import { resolve } from "node:path";

/** Largest table (or shock, margins, map file) of a short run: about 300 sectors of CSV, whose
 * slowest synchronous step (reading) takes some 50 ms. */
export const SHORT_BYTES = 1024 * 1024;

/** `analyze` options a short run may have, with whether each takes a value (checked against the
 * command's definition by test/cli/shortJob.test.ts). */
export const SHORT_OPTIONS: ReadonlyMap<string, boolean> = new Map([
  ["--json", true],
  ["--replace-json", false],
  ["--shock", true],
  ["--lang", true],
  ["--map", true],
  ["--import-type", true],
  ["--consumption-rate", true],
  ["--allow-imbalance", false],
  ["--drop-zero-output", false],
  ["--type-ii", false],
  ["--purchaser-prices", false],
  ["--margins", true],
  ["--margins-column", true],
  ["--trade-sector", true],
  ["--transport-sector", true],
]);

/** Options naming a file that is read. */
const FILE_OPTIONS = new Set(["--shock", "--margins", "--map"]);

function small(path: string, cwd: string): boolean {
  try {
    const st = statSync(resolve(cwd, path));
    return st.isFile() && st.size <= SHORT_BYTES;
  } catch {
    return false; // the worker's run reports what is wrong with it
  }
}

/** Whether `argv` is a short run: `analyze TABLE.csv … --json OUT` with the options above only. */
export function isShortJob(argv: readonly string[], cwd: string): boolean {
  if (argv[0] !== "analyze") return false;
  const inputs: string[] = [];
  let json = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-")) {
      inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takesValue = SHORT_OPTIONS.get(name);
    if (takesValue === undefined || (!takesValue && eq > 0)) return false;
    let value: string | undefined;
    if (takesValue) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return false;
    }
    if (name === "--json") json = true;
    if (value !== undefined && FILE_OPTIONS.has(name) && !small(value, cwd)) return false;
  }
  return json && inputs.length === 1 && /\.csv$/i.test(inputs[0]) && small(inputs[0], cwd);
}
