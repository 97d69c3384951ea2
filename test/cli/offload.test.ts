// The plans' security Monte Carlo on the command's second thread (src/cli/offload.ts): `--market`
// with plans draws the market and the plans' security at once on two cores. The thread must
// give securityMonteCarlo's result for the same input, bring its errors back as they were, stop
// on Ctrl+C, and leave the command's JSON what one thread makes. The thread code is the compiled
// command's (dist/cli), as the installed command runs it.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { securityMonteCarlo, securityMonteCarloInput, type SecurityMonteCarlo } from "../../src/engine/security/montecarlo";
import type { SecurityOffload } from "../../src/usecases/security";
import { cliOffload } from "../../src/cli/offload";
import { twoSectorSecurity } from "../engine/security/twoSector";
import { run, tempDir } from "./helpers";
import { ensureCliBuilt, repoRoot } from "./paths";

/** Timing fields differ from run to run; everything else must not. */
function withoutTiming(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutTiming);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "milliseconds").map(([k, x]) => [k, withoutTiming(x)]));
  return v;
}

type OffloadModule = { threadOffload: SecurityOffload; cliOffload: () => SecurityOffload | undefined };
let built: OffloadModule;
let thread: SecurityOffload;
beforeAll(() => {
  ensureCliBuilt("offload.js");
  built = require(join(repoRoot, "dist/cli/offload.js")) as OffloadModule;
  thread = built.threadOffload;
}, 180_000);

const { input, p } = twoSectorSecurity();

describe("the security Monte Carlo on a second thread", () => {
  it("gives securityMonteCarlo's result for the same input, draws and seed", async () => {
    const sent = securityMonteCarloInput(input, p)!;
    expect(sent).not.toHaveProperty("dynamic");
    const there = (await thread.securityMonteCarlo(sent, p, { draws: 4000, seed: "3" })) as SecurityMonteCarlo;
    const here = securityMonteCarlo(input, p, { draws: 4000, seed: "3" })!;
    expect(withoutTiming(there)).toEqual(withoutTiming(here));
    // Not a constant: most draws leave no loss, some do.
    expect(here.benefitCostRatio.mean).toBeGreaterThan(here.benefitCostRatio.p50);
  });

  it("stays on the caller's thread for the dynamic loss path (it needs the model)", () => {
    expect(securityMonteCarloInput(input, { ...p, lossPath: 1 })).toBeNull();
  });

  it("brings an error back as the RippleError it was (code and both texts)", async () => {
    const here = (() => {
      try {
        securityMonteCarlo(input, p, { draws: 2_000_000 });
      } catch (e) {
        return e as { code: string; text: unknown };
      }
      throw new Error("expected a refusal");
    })();
    const there = await thread.securityMonteCarlo(input, p, { draws: 2_000_000 }).then(
      () => null,
      (e: { code: string; text: unknown; name: string }) => e,
    );
    expect(there).not.toBeNull();
    expect(there!.name).toBe("RippleError");
    expect([there!.code, there!.text]).toEqual([here.code, here.text]);
  });

  it("stops when the run is cancelled, at once, as cancelled", async () => {
    const controller = new AbortController();
    const t0 = performance.now();
    const pending = thread.securityMonteCarlo(input, p, { draws: 1_000_000, seed: "1" }, controller.signal);
    setTimeout(() => controller.abort(), 150);
    const e = (await pending.then(
      () => null,
      (x: { code: string }) => x,
    )) as { code: string } | null;
    expect(e?.code).toBe("cancelled");
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("ripple analyze --market with plans", () => {
  it("uses the thread in the compiled command, not from the sources (no thread entry there)", () => {
    expect(built.cliOffload()).toBe(built.threadOffload);
    expect(cliOffload()).toBeUndefined();
  });

  it("writes the JSON one thread makes (the installed command draws the security on its second thread)", async () => {
    const sample = join(repoRoot, "assets/ripple-sample.xlsx");
    const args = ["analyze", sample, "--market", "磁石パラメータ", "--draws", "5000", "--seed", "11", "--json", "r.json"];
    const dir = tempDir();
    const installed = spawnSync(process.execPath, [join(repoRoot, "bin/ripple.js"), ...args], { cwd: dir, encoding: "utf8" });
    expect(installed.status, installed.stderr).toBe(0);
    const here = tempDir();
    const inProcess = await run(args, { cwd: here });
    expect(inProcess.code, inProcess.err).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as { security?: unknown; securityDetail?: { monteCarlo?: unknown } };
    const b = JSON.parse(readFileSync(join(here, "r.json"), "utf8")) as unknown;
    expect(a.security).toBeDefined();
    expect(JSON.stringify(a)).toContain('"probabilityAtLeastOne"');
    expect(withoutTiming(a)).toEqual(withoutTiming(b));
  }, 120_000);

  it("Ctrl+C while both threads draw: exit 130 within a second, nothing written", async () => {
    const dir = tempDir();
    const sample = join(repoRoot, "assets/ripple-sample.xlsx");
    const child = spawn(process.execPath, [join(repoRoot, "bin/ripple.js"), "analyze", sample, "--market", "磁石パラメータ", "--draws", "1000000", "--json", "r.json", "--out", "r.xlsx"], { cwd: dir });
    let sentAt = 0;
    // 1,000,000 draws take seconds on each thread: 1.5 s in, both are drawing.
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill("SIGINT");
    }, 1500);
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    clearTimeout(timer);
    expect(sentAt).toBeGreaterThan(0);
    expect(code).toBe(130);
    expect(performance.now() - sentAt).toBeLessThan(1500);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
