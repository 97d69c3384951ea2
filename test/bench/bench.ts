// `npm run bench`: timings of the models on synthetic productive tables (seeded) and on the
// Japan 2011 13-sector table end to end. Not a test: figures for the README.

import { analyze, impact, indicators, IOModel } from "../../src/engine/model";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCsv, readTable } from "../../src/engine/table";
import { syntheticTable } from "./synthetic";
import { readSam, runCge, samFlows } from "../../src/engine/cge";
import { samGrid, type FlowSpec } from "../engine/cge/samFixture";

const SIZES = [13, 37, 107, 187, 509, 1000, 2000];

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0)).padStart(9);

const argSizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log(`Node ${process.version}, times in ms`);
console.log(
  ["n", "factor", "inverse L", "multipliers", "Type II", "3-stage"].map((h, i) => (i === 0 ? h.padStart(5) : h.padStart(12))).join(""),
);
for (const n of argSizes.length ? argSizes : SIZES) {
  const table = syntheticTable(n);
  const [model, tFactor] = time(() => IOModel.build(table));
  const [, tInv] = time(() => model.leontief());
  const [, tMult] = time(() => indicators(model, { typeII: false }));
  const [, tII] = time(() => indicators(model, { typeII: true }));
  const shock = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 100 : 0));
  const [, tImpact] = time(() => impact(model, shock));
  console.log(
    [String(n).padStart(5), fmt(tFactor), fmt(tInv), fmt(tMult), fmt(tII), fmt(tImpact)].map((s, i) => (i === 0 ? s : s.padStart(12))).join(""),
  );
}

// End to end as the CLI does it: CSV text -> recognised table -> model and analysis.
const csv = readFileSync(resolve(__dirname, "../../assets/data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8");
const [jp, tLoad] = time(() => readTable(parseCsv(csv, "io2011_13sector_ja.csv")));
const shock = new Array<number>(jp.sectors.length).fill(0);
shock[3] = 100_000; // 建設 +1000億円
const [res, tAnalyze] = time(() => analyze(jp, {}, shock));
console.log(
  `Japan 2011 13 sectors: read and recognise the CSV ${fmt(tLoad).trim()} ms, analyze (build, L, multipliers, linkages, 3-stage) ${fmt(tAnalyze).trim()} ms; 波及倍率 of 建設 +100,000 百万円 = ${res.impact?.multiple.toFixed(4)}`,
);

// CGE (CGE.md): a synthetic balanced SAM of n goods (seeded), read, calibrated and solved under an
// import-price premium on one good and a quota on another (Newton on 2n + H + 1 unknowns).
function syntheticSam(n: number): FlowSpec {
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const goods = Array.from({ length: n }, (_, i) => `G${String(i + 1).padStart(3, "0")}`);
  const Z = goods.map(() => 500 + 1000 * rnd());
  const X = goods.map(() => Z.map((z) => ((0.5 * rnd()) / n) * z));
  const va = Z.map((z, j) => z - X.reduce((s, r) => s + r[j], 0));
  const F = [va.map((v) => 0.4 * v), va.map((v) => 0.6 * v)];
  const Tz = Z.map((z) => 0.02 * z);
  const M = Z.map((z) => (0.05 + 0.3 * rnd()) * z);
  const Tm = M.map((m) => 0.03 * m);
  const E = Z.map((z) => (0.05 + 0.2 * rnd()) * z);
  const avail = goods.map((_, i) => Z[i] + Tz[i] + Tm[i] + M[i] - X[i].reduce((s, v) => s + v, 0) - E[i]);
  const Xp = avail.map((a) => 0.55 * a);
  const Xg = avail.map((a) => 0.15 * a);
  const Td = 0.1 * va.reduce((s, v) => s + v, 0);
  // Value added is output less intermediates, so F + X sums to Z by construction.
  return { goods, factors: ["CAP", "LAB"], X, F, Tz, Tm, M, E, Xp, Xg, Td };
}

console.log("CGE (STDCGE): read SAM, calibrate, solve import-price ×1.5 on one good and a 50% quota on another");
for (const n of [13, 37, 107]) {
  const grid = samGrid(syntheticSam(n));
  const [runResult, t] = time(() =>
    runCge(samFlows(readSam(grid)), { name: "bench", importPrice: { G001: 1.5 }, importQuota: { G002: 0.5 } }),
  );
  console.log(`  ${String(n).padStart(4)} goods: ${fmt(t).trim()} ms, ${runResult.iterations} Newton iterations, residual ${runResult.residual.toExponential(1)}`);
}
