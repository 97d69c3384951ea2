// Running the command in-process with captured output, and the shared reference data.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main";

export * from "./paths";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ripple-cli-"));
}

export interface Run {
  code: number;
  out: string;
  err: string;
  /** stderr lines without the blank end. */
  errLines: string[];
}

export async function run(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<Run> {
  let out = "";
  let err = "";
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (opts.tty) stderr.isTTY = true;
  stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr,
    env: { LANG: "C", ...(opts.env ?? {}) },
    cwd: opts.cwd ?? tempDir(),
  });
  await new Promise((r) => setImmediate(r));
  return { code, out, err, errLines: err.split("\n").filter((l) => l !== "") };
}

/** A balanced domestic-use table of n sectors in the English layout (deterministic numbers). */
export function syntheticTableCsv(n: number): string {
  const names = Array.from({ length: n }, (_, i) => `S${String(i + 1).padStart(4, "0")}`);
  const x = names.map((_, i) => 1000 + i);
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const Z = names.map(() => names.map(() => 0));
  const colTot = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      Z[i][j] = Math.round(((rnd() * 0.5 * x[j]) / n) * 100) / 100;
      colTot[j] += Z[i][j];
    }
  const rows = [["", ...names, "Households", "Total output"].join(",")];
  for (let i = 0; i < n; i++) {
    const rs = Z[i].reduce((a, b) => a + b, 0);
    rows.push([names[i], ...Z[i], (x[i] - rs).toFixed(2), x[i]].join(","));
  }
  const va = (share: number) => x.map((xj, j) => ((xj - colTot[j]) * share).toFixed(2));
  rows.push(["Compensation of employees", ...va(0.6), "", ""].join(","));
  rows.push(["Operating surplus", ...va(0.4), "", ""].join(","));
  rows.push(["Total output", ...x, "", ""].join(","));
  return rows.join("\n");
}
