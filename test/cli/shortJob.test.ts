// Short runs (src/cli/shortJob.ts) run on the main thread without the worker's start-up: which
// runs qualify, that the listed options are analyze's own, and that such a run gives what the
// command gives in-process (output written whole, also to a pipe).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { addAnalyzeCommand } from "../../src/cli/commands/analyze";
import { isShortJob, SHORT_BYTES, SHORT_OPTIONS } from "../../src/cli/shortJob";
import { run, syntheticTableCsv, tempDir } from "./helpers";
import { repoRoot } from "./paths";

function folder() {
  const dir = tempDir();
  writeFileSync(join(dir, "t.csv"), syntheticTableCsv(20));
  writeFileSync(join(dir, "shock.csv"), "S0001,100\nS0007,50\n");
  writeFileSync(join(dir, "big.csv"), "x".repeat(SHORT_BYTES + 1));
  writeFileSync(join(dir, "t.xlsx"), "not read");
  return dir;
}

describe("which runs are short", () => {
  const dir = folder();
  const short = (...argv: string[]) => isShortJob(argv, dir);

  it("analyze of a small CSV to JSON, with the listed options", () => {
    expect(short("analyze", "t.csv", "--shock", "shock.csv", "--json", "r.json")).toBe(true);
    expect(short("analyze", "t.csv", "--json=-", "--lang", "ja", "--type-ii", "--replace-json")).toBe(true);
  });

  it("not without --json, with a workbook, a large file, another command or another option", () => {
    expect(short("analyze", "t.csv", "--shock", "shock.csv")).toBe(false); // writes a workbook
    expect(short("analyze", "t.csv", "--json", "r.json", "--out", "r.xlsx")).toBe(false);
    expect(short("analyze", "t.xlsx", "--json", "r.json")).toBe(false);
    expect(short("analyze", "big.csv", "--json", "r.json")).toBe(false);
    expect(short("analyze", "t.csv", "--shock", "big.csv", "--json", "r.json")).toBe(false);
    expect(short("analyze", "missing.csv", "--json", "r.json")).toBe(false);
    expect(short("analyze", "t.csv", "--json", "r.json", "--market", "磁石パラメータ")).toBe(false);
    expect(short("analyze", "t.csv", "--json")).toBe(false);
    expect(short("analyze", "t.csv", "--json", "r.json", "--type-ii=yes")).toBe(false);
    expect(short("inspect", "t.csv", "--json", "r.json")).toBe(false);
    expect(short("analyze", "t.csv", "u.csv", "--json", "r.json")).toBe(false);
  });

  it("lists options analyze has, each taking a value exactly when analyze's does", () => {
    const program = new Command();
    const ctx = { io: {} as never, signal: new AbortController().signal, lang: () => "en" as const, setStatus: () => {} };
    addAnalyzeCommand(program, ctx);
    const analyze = program.commands.find((c) => c.name() === "analyze")!;
    for (const [name, takesValue] of SHORT_OPTIONS) {
      const opt = analyze.options.find((o) => o.long === name);
      expect(opt, name).toBeDefined();
      expect(opt!.required || opt!.optional, name).toBe(takesValue);
    }
  });
});

describe("a short run", () => {
  it("gives the command's JSON, whole, also on a pipe", async () => {
    const dir = folder();
    const r = spawnSync(process.execPath, [join(repoRoot, "bin/ripple.js"), "analyze", "t.csv", "--shock", "shock.csv", "--json", "-"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANG: "C" },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const direct = await run(["analyze", "t.csv", "--shock", "shock.csv", "--json", "r.json"], { cwd: dir });
    expect(direct.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")));
  });
});
