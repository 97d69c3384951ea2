// Ctrl+C (issue 16): the installed command stops within about a second in every phase — reading,
// the analysis (a long synchronous factorisation included), writing — exits 130 and leaves no
// file behind; a second Ctrl+C stops it at once. Spawned as a user runs it, on a table large
// enough that every phase takes a while.
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, syntheticTableCsv, tempDir } from "./helpers";
import { ensureCliBuilt } from "./paths";

// From 1,000 sectors the progress bar is printed even to a pipe: it says which phase is running.
const N = 1000;
let table = "";

beforeAll(() => {
  ensureCliBuilt();
  table = syntheticTableCsv(N);
}, 120_000);

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the (last) Ctrl+C to the end of the process. */
  afterSignal: number;
  stderr: string;
  files: string[];
}

/** Starts `ripple analyze` writing a workbook and a JSON; sends SIGINT when `when` says so. */
function cancelWhen(when: (stderr: string, ms: number) => boolean, signals = 1): Promise<Stopped> {
  const dir = tempDir();
  writeFileSync(join(dir, "t.csv"), table);
  const child = spawn(process.execPath, [join(repoRoot, "bin/ripple.js"), "analyze", "t.csv", "--out", "r.xlsx", "--json", "r.json", "--lang", "en"], {
    cwd: dir,
    env: { ...process.env, LANG: "C" },
  });
  let stderr = "";
  let sentAt = 0;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const send = () => {
      if (sentAt) return;
      for (let k = 0; k < signals; k++) child.kill("SIGINT");
      sentAt = performance.now();
    };
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (when(stderr, performance.now() - t0)) send();
    });
    const poll = setInterval(() => {
      if (when(stderr, performance.now() - t0)) send();
    }, 20);
    child.on("exit", (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, afterSignal: performance.now() - sentAt, stderr, files: readdirSync(dir).filter((f) => f !== "t.csv") });
    });
  });
}

// "Within a second" on a quiet machine; the bound here leaves room for a loaded test machine.
const PROMPT_MS = 2500;

describe("Ctrl+C on the installed command", () => {
  it("while the table is being read: exit 130, nothing written", async () => {
    const r = await cancelWhen((_, ms) => ms > 400);
    // Before Node has run a line of the command, SIGINT ends it as for any program (the shell
    // reports 130 too); once the command runs, it exits 130 itself.
    expect(r.code === 130 || r.signal === "SIGINT").toBe(true);
    expect(r.afterSignal).toBeLessThan(PROMPT_MS);
    expect(r.files).toEqual([]);
  }, 60_000);

  it("during the factorisation (a synchronous step): exit 130 within a second or so, nothing written", async () => {
    const r = await cancelWhen((err) => err.includes("factorising"));
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/Cancelled/);
    expect(r.afterSignal).toBeLessThan(PROMPT_MS);
    expect(r.files).toEqual([]);
  }, 120_000);

  it("after the analysis, while results are built and written: exit 130, nothing left", async () => {
    const r = await cancelWhen((err) => /factorising 1000\/1000/.test(err));
    expect(r.code).toBe(130);
    expect(r.afterSignal).toBeLessThan(PROMPT_MS);
    expect(r.files).toEqual([]);
  }, 120_000);

  it("a second Ctrl+C: exit 130 at once, nothing left", async () => {
    const r = await cancelWhen((err) => err.includes("factorising"), 2);
    expect(r.code).toBe(130);
    expect(r.afterSignal).toBeLessThan(PROMPT_MS);
    expect(r.files).toEqual([]);
  }, 120_000);
});
