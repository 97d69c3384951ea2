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

export async function run(argv: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let out = "";
  let err = "";
  const stderr = new PassThrough();
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
