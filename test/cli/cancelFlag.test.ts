// Ctrl+C while the results workbook is built (issue 16): the launcher's cancel message only reaches
// the run when it returns to the event loop, which the workbook writer does not do for seconds,
// so the writer also polls the launcher's shared flag (CliIO.pollCancel) between sheets, every
// few rows of a bulk block and before each part is packed. Run in-process with a pollCancel that
// stands for the flag: the signal itself is never aborted from outside.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { syntheticTableCsv, tempDir } from "./helpers";

const N = 300;
const table = syntheticTableCsv(N);

/** `ripple analyze t.csv --out r.xlsx`, with a pollCancel that sets the flag on its `at`-th call
 * (never when `at` is Infinity); returns the status, the calls, stderr and the files left. */
async function analyzeWithFlag(at: number) {
  const dir = tempDir();
  writeFileSync(join(dir, "t.csv"), table);
  const controller = new AbortController();
  let calls = 0;
  let err = "";
  const stderr = new PassThrough();
  stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  const code = await main(["analyze", "t.csv", "--out", "r.xlsx", "--lang", "en"], {
    stdout: { write: () => true },
    stderr,
    env: { LANG: "C" },
    cwd: dir,
    signal: controller.signal,
    pollCancel: () => {
      if (++calls >= at && !controller.signal.aborted) controller.abort();
    },
  });
  await new Promise((r) => setImmediate(r));
  return { code, calls, err, files: readdirSync(dir).filter((f) => f !== "t.csv") };
}

describe("Ctrl+C seen inside the workbook writer through the launcher's flag", () => {
  it("is looked for every few rows of the n × n blocks, and a flag set half-way stops the run: 130, nothing left", async () => {
    const whole = await analyzeWithFlag(Infinity);
    expect(whole.code).toBe(0);
    expect(whole.files).toEqual(["r.xlsx"]);
    // A and L are written directly (bulk blocks): at least one look per 32 of their rows.
    expect(whole.calls).toBeGreaterThanOrEqual((2 * N) / 32);

    const stopped = await analyzeWithFlag(Math.floor(whole.calls / 2));
    expect(stopped.code).toBe(130);
    expect(stopped.err).toMatch(/Cancelled/);
    expect(stopped.files).toEqual([]);
  }, 120_000);
});
