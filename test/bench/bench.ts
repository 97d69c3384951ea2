// `npm run bench`: per size, Ripple's factorisation and inverse (GFLOP/s) and the whole command
// (`ripple analyze TABLE.csv --shock SHOCK.csv --json OUT`, a separate process) — and, where
// python3 with numpy and scipy is present, the same work in numpy in the same run
// (test/bench/numpy_io.py, single-threaded BLAS), as a ratio. Not a test: figures for the README.
//   npm run bench                 sizes 13, 107, 509, 1000
//   npm run bench -- 2000 3000    other sizes
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { analyze, impact, indicators, IOModel } from "../../src/engine/model";
import { LUFactorizer, LU, luMatrix } from "../../src/engine/model/lu";
import { parseCsv, readTable } from "../../src/engine/table";
import { syntheticTableCsv } from "../cli/helpers";
import { syntheticTable } from "./synthetic";
import { readSam, runCge, samFlows } from "../../src/engine/cge";
import { samGrid, syntheticSam } from "../engine/cge/samFixture";
import { runMarketAnalysis } from "../../src/engine/market/run";
import { japanModel, PLANS, templateGrids } from "../engine/market/marketFixtures";

const SIZES = [13, 107, 509, 1000];
const RUNS = 3;
const root = resolve(__dirname, "../..");
const single = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1", LANG: "C" };

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0));
const gflops = (flops: number, ms: number) => (ms > 0 ? (flops / (ms * 1e6)).toFixed(2) : "—");

const hasNumpy = spawnSync("python3", ["-c", "import numpy, scipy"], { env: single }).status === 0;
execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "ignore" });

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), medians of ${RUNS}; numpy ${hasNumpy ? "single-threaded" : "not available"}`);
console.log("Kernels on I − A (nominal flops: LU 2n³/3, inverse from LU 4n³/3):");
console.log("    n   LU ms  GFLOP/s  inverse ms  GFLOP/s" + (hasNumpy ? "   numpy LU  GFLOP/s  numpy inv  GFLOP/s" : ""));
const argSizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = argSizes.length ? argSizes : SIZES;
for (const n of sizes) {
  const table = syntheticTable(n);
  const model = IOModel.build(table);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 : 0) - model.Ad[i * n + j];
  const tf: number[] = [];
  const ti: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    // The copy of m is timed, as scipy's lu_factor copies its argument: into the kernel's memory
    // (luMatrix), as the command's I − A is made.
    const [lu, f] = time(() => {
      const a = luMatrix(n);
      a.set(m);
      return new LUFactorizer(a, n).finish();
    });
    const [, inv] = time(() => (lu as LU).inverse());
    tf.push(f);
    ti.push(inv);
  }
  const luF = (2 / 3) * n ** 3;
  const invF = (4 / 3) * n ** 3;
  let line = `${String(n).padStart(5)} ${fmt(median(tf)).padStart(7)} ${gflops(luF, median(tf)).padStart(8)} ${fmt(median(ti)).padStart(11)} ${gflops(invF, median(ti)).padStart(8)}`;
  if (hasNumpy) {
    const k = JSON.parse(execFileSync("python3", [join(__dirname, "numpy_io.py"), "--kernels", String(n)], { env: single, encoding: "utf8" })) as { factor: number; inverse: number };
    line += ` ${fmt(k.factor * 1000).padStart(10)} ${gflops(luF, k.factor * 1000).padStart(8)} ${fmt(k.inverse * 1000).padStart(10)} ${gflops(invF, k.inverse * 1000).padStart(8)}`;
  }
  console.log(line);
}

console.log("\nWhole command, read CSV → A, L, multipliers, linkages, one shock → JSON (wall ms):");
console.log("    n   ripple --json" + (hasNumpy ? "      numpy   ratio" : "") + "   ripple --out");
const dir = mkdtempSync(join(tmpdir(), "ripple-bench-"));
for (const n of sizes) {
  const csv = join(dir, `t${n}.csv`);
  writeFileSync(csv, syntheticTableCsv(n));
  writeFileSync(join(dir, "shock.csv"), "S0001,100\n" + (n >= 7 ? "S0007,50\n" : ""));
  const wall = (cmd: string, args: string[]) => {
    const t: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const p = spawnSync(cmd, args, { cwd: dir, env: single, stdio: "ignore" });
      if (p.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${p.status}`);
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  const ripple = wall(process.execPath, [join(root, "bin/ripple.js"), "analyze", csv, "--shock", "shock.csv", "--json", "r.json", "--replace-json"]);
  let line = `${String(n).padStart(5)} ${fmt(ripple).padStart(15)}`;
  if (hasNumpy) {
    const np = wall("python3", [join(__dirname, "numpy_io.py"), csv, "shock.csv", "np.json"]);
    line += ` ${fmt(np).padStart(10)} ${(ripple / np).toFixed(2).padStart(7)}`;
  }
  // Every workbook is a new file (never overwritten), so each run writes its own.
  const out = n <= 2200 ? wall(process.execPath, [join(root, "bin/ripple.js"), "analyze", csv, "--shock", "shock.csv", "--out", `w${n}.xlsx`]) : NaN;
  line += ` ${Number.isNaN(out) ? "—" : fmt(out)}`.padStart(15);
  console.log(line);
}

// In-process parts on the 2011 table, as before.
const jaCsv = readFileSync(resolve(__dirname, "../../assets/data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8");
const [jp, tLoad] = time(() => readTable(parseCsv(jaCsv, "io2011_13sector_ja.csv")));
const shock = new Array<number>(jp.sectors.length).fill(0);
shock[3] = 100_000; // 建設 +1000億円
const [res, tAnalyze] = time(() => analyze(jp, {}, shock));
const jm = IOModel.build(jp);
const [, tInd] = time(() => indicators(jm, { typeII: true }));
const [, tImp] = time(() => impact(jm, shock));
console.log(
  `\nJapan 2011 13 sectors: read and recognise the CSV ${fmt(tLoad)} ms, analyze ${fmt(tAnalyze)} ms, indicators with Type II ${fmt(tInd)} ms, three stages ${fmt(tImp)} ms; 波及倍率 of 建設 +100,000 百万円 = ${res.impact?.multiple.toFixed(4)}`,
);

// Monte Carlo on the sample market sheets and the 13-sector table (MODELS.md 9): 100,000 draws.
{
  const g = templateGrids();
  const model13 = japanModel();
  const [mc] = time(() => runMarketAnalysis({ paramsGrid: g.params, scenariosGrid: g.scenarios, projects: PLANS, model: model13, magnetSector: 2, draws: 100_000, seed: 1 }));
  console.log(`Market Monte Carlo, 100,000 draws on the sample: ${fmt(mc.monteCarlo!.milliseconds)} ms`);
  // The whole command as a user runs it: the workbook read, the market's Monte Carlo and the
  // plans' security Monte Carlo with the same draws (on the command's second thread), the JSON.
  const args = [join(root, "bin/ripple.js"), "analyze", join(root, "assets/ripple-sample.xlsx"), "--market", "磁石パラメータ", "--draws", "100000", "--json", "mc.json", "--replace-json"];
  const t: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const p = spawnSync(process.execPath, args, { cwd: dir, stdio: "ignore" });
    if (p.status !== 0) throw new Error(`ripple ${args.slice(1).join(" ")} exited ${p.status}`);
    t.push(performance.now() - t0);
  }
  console.log(`  the whole command with them and the plans' security Monte Carlo (ripple analyze assets/ripple-sample.xlsx --market 磁石パラメータ --draws 100000 --json): ${fmt(median(t))} ms wall`);
}

// CGE (CGE.md): a synthetic balanced SAM of n goods (samFixture.syntheticSam), read, calibrated
// and solved under an import-price premium on one good and a quota on another.
console.log("CGE (STDCGE): read SAM, calibrate, solve import-price ×1.5 on one good and a 50% quota on another (analytic Jacobian; forward differences beside)");
for (const n of [13, 37, 107]) {
  const grid = samGrid(syntheticSam(n));
  const scenario = { name: "bench", importPrice: { G001: 1.5 }, importQuota: { G002: 0.5 } };
  const [runResult, t] = time(() => runCge(samFlows(readSam(grid)), scenario));
  const [, tFd] = time(() => runCge(samFlows(readSam(grid)), scenario, { finiteDifferences: true }));
  console.log(
    `  ${String(n).padStart(4)} goods: ${fmt(t).trim()} ms (forward differences ${fmt(tFd).trim()} ms), ${runResult.iterations} Newton iterations, residual ${runResult.residual.toExponential(1)}`,
  );
}
