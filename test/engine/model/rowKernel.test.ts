// The WebAssembly row updates (src/engine/model/kernel): present in Node, built from their .wat,
// and giving the JavaScript loops' numbers bit for bit (factors, inverse, solves).
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LUFactorizer, luMatrix, type LU } from "../../../src/engine/model/lu";
import { rowKernel, setRowKernelEnabled } from "../../../src/engine/model/kernel/rowKernel";
import { ROW_UPDATES_WASM } from "../../../src/engine/model/kernel/rowUpdatesWasm";

const kernelDir = resolve(__dirname, "../../../src/engine/model/kernel");

/** I − A for a random sparse-ish non-negative A with column sums < 1 (a productive table). */
function iMinusA(n: number, seed: number): Float64Array {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) {
      const v = rand() < 0.3 ? 0 : rand();
      a[i * n + j] = v;
      col += v;
    }
    const scale = (0.2 + 0.7 * rand()) / (col || 1);
    for (let i = 0; i < n; i++) a[i * n + j] = (i === j ? 1 : 0) - a[i * n + j] * scale;
  }
  return a;
}

function factor(m: Float64Array, n: number, kernel: boolean): LU {
  setRowKernelEnabled(kernel);
  return new LUFactorizer(Float64Array.from(m), n).finish();
}

const sameBits = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));

afterEach(() => setRowKernelEnabled(true));

describe("WebAssembly row kernel", () => {
  it("is valid WebAssembly with SIMD and is used in Node", () => {
    expect(WebAssembly.validate(ROW_UPDATES_WASM)).toBe(true);
    const k = rowKernel(100, 100 * 64);
    expect(k).not.toBeNull();
    expect(k!.f64.length).toBeGreaterThanOrEqual(100 * 100);
  });

  it("its committed bytes are rowUpdates.wat compiled (where wabt's wat2wasm is installed)", () => {
    const wat = readFileSync(join(kernelDir, "rowUpdates.wat"), "utf8");
    expect(wat).toContain('(export "trailing")');
    let compiled: Buffer | null = null;
    try {
      const out = join(mkdtempSync(join(tmpdir(), "ripple-wat-")), "k.wasm");
      execFileSync("wat2wasm", [join(kernelDir, "rowUpdates.wat"), "-o", out], { stdio: "ignore" });
      compiled = readFileSync(out);
    } catch (e) {
      // Without wabt the bytes are still checked above (valid, SIMD); with it they must match.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    if (compiled) expect(Buffer.from(ROW_UPDATES_WASM).equals(compiled)).toBe(true);
  });

  it("gives the JavaScript loops' factors, inverse and solves bit for bit", () => {
    // Odd sizes exercise the scalar tails of the SIMD loops and of the 4-row unrolling.
    for (const [n, seed] of [[67, 1], [130, 2], [203, 3]] as const) {
      const m = iMinusA(n, seed);
      const js = factor(m, n, false);
      const wasm = factor(m, n, true);
      expect(sameBits(js.inverse(), wasm.inverse()), `inverse n=${n}`).toBe(true);
      const b = Array.from({ length: n }, (_, i) => (i % 7) - 2.5);
      expect(sameBits(js.solve(b), wasm.solve(b)), `solve n=${n}`).toBe(true);
      expect(sameBits(js.solveTranspose(b), wasm.solveTranspose(b)), `solveT n=${n}`).toBe(true);
      // and the inverse is the inverse: (I − A)·X = I to rounding
      const x = wasm.inverse();
      let err = 0;
      for (let i = 0; i < n; i += 17)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += m[i * n + k] * x[k * n + j];
          err = Math.max(err, Math.abs(s - (i === j ? 1 : 0)));
        }
      expect(err).toBeLessThan(1e-12);
    }
  });

  it("pivots as the JavaScript loops do (dense matrices that need row swaps)", () => {
    let s = 11;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    for (const n of [41, 97, 150]) {
      const m = Float64Array.from({ length: n * n }, rand);
      const js = factor(m, n, false);
      const wasm = factor(m, n, true);
      expect(sameBits(js.inverse(), wasm.inverse()), `inverse n=${n}`).toBe(true);
      const b = Array.from({ length: n }, (_, i) => i - n / 2);
      const x = wasm.solve(b);
      for (let i = 0; i < n; i += 13) {
        let r = -b[i];
        for (let j = 0; j < n; j++) r += m[i * n + j] * x[j];
        expect(Math.abs(r)).toBeLessThan(1e-9);
      }
    }
  });

  it("leaves the caller's matrix unchanged and refuses a singular one the same way", () => {
    const n = 80;
    const m = iMinusA(n, 4);
    const copy = Float64Array.from(m);
    setRowKernelEnabled(true);
    new LUFactorizer(m.slice(), n).finish();
    expect(sameBits(m, copy)).toBe(true);
    for (let j = 0; j < n; j++) m[5 * n + j] = m[9 * n + j]; // two equal rows
    const step = (kernel: boolean) => {
      setRowKernelEnabled(kernel);
      try {
        new LUFactorizer(Float64Array.from(m), n).finish();
        return -1;
      } catch (e) {
        return (e as { step: number }).step;
      }
    };
    expect(step(true)).toBeGreaterThanOrEqual(0);
    expect(step(true)).toBe(step(false));
  });

  it("factors a matrix made by luMatrix in the kernel's memory, with the copied matrix's numbers", () => {
    const n = 90;
    const m = iMinusA(n, 5);
    setRowKernelEnabled(true);
    const a = luMatrix(n);
    expect(a.buffer).not.toBe(m.buffer);
    expect(a.buffer.byteLength).toBeGreaterThan(n * n * 8); // the kernel's memory (the work block after it)
    a.set(m);
    const inPlace = new LUFactorizer(a, n).finish();
    const copied = new LUFactorizer(Float64Array.from(m), n).finish();
    const js = factor(m, n, false);
    for (const lu of [inPlace, copied]) expect(sameBits(lu.inverse(), js.inverse())).toBe(true);
    // taken by the factorizer: the factors are in it now
    expect(sameBits(a, m)).toBe(false);
    setRowKernelEnabled(false);
    expect(luMatrix(n).buffer.byteLength).toBe(n * n * 8);
  });
});
