// The WebAssembly row updates (rowUpdates.wat) behind a small interface, with a memory sized for
// one factorisation: the matrix and the inverse's work block live in it so the kernel reads them
// in place. WebAssembly with SIMD is in every host Ripple runs in (Node 20, Excel's browser
// engines); where it is missing or the memory cannot be had, lu.ts runs its JavaScript loops,
// which give the same numbers bit for bit (test/engine/model/rowKernel.test.ts).
import { ROW_UPDATES_WASM } from "./rowUpdatesWasm";

/** Byte offsets into `f64`'s memory; lengths in doubles. */
export interface RowKernel {
  /** The whole memory as doubles (never grown, so views of it stay valid). */
  readonly f64: Float64Array;
  sub4(d: number, s0: number, s1: number, s2: number, s3: number, l0: number, l1: number, l2: number, l3: number, len: number): void;
  sub1(d: number, s: number, l: number, len: number): void;
  sub4x2(da: number, db: number, s0: number, s1: number, s2: number, s3: number, a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number, len: number): void;
  sub1x2(da: number, db: number, s: number, l: number, m: number, len: number): void;
  /** Row d of the block at y (w doubles per row) minus Σ lrow[j]·(row j), j0 ≤ j < j1 (indices). */
  rowSolve(d: number, lrow: number, y: number, j0: number, j1: number, w: number): void;
}

// The few WebAssembly names used here: the engine is compiled without DOM or node types.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (d: { initial: number; maximum?: number }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}

const PAGE = 65536;
/** Below this many doubles the JavaScript loops are as fast (the call and the copy cost more). */
export const KERNEL_MIN_DOUBLES = 64 * 64;

let enabled = true;
let compiled: object | null | undefined;

/** Tests and the bench compare both paths. */
export function setRowKernelEnabled(on: boolean): void {
  enabled = on;
}

function wasmModule(): object | null {
  if (compiled !== undefined) return compiled;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  compiled = null;
  if (api && api.validate(ROW_UPDATES_WASM)) {
    try {
      compiled = new api.Module(ROW_UPDATES_WASM);
    } catch {
      // A page whose Content-Security-Policy forbids compiling WebAssembly: the JavaScript loops.
      compiled = null;
    }
  }
  return compiled;
}

/** A kernel whose memory holds `doubles` numbers, or null (JavaScript loops instead). */
export function rowKernel(doubles: number): RowKernel | null {
  if (!enabled || doubles < KERNEL_MIN_DOUBLES || doubles * 8 > 2 ** 31 - PAGE) return null;
  const mod = wasmModule();
  if (!mod) return null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly!;
  let memory: WasmMemory;
  try {
    memory = new api.Memory({ initial: Math.ceil((doubles * 8) / PAGE) });
  } catch {
    return null; // no room for a second copy of the matrix: the JavaScript loops work in place
  }
  const e = new api.Instance(mod, { env: { memory } }).exports as unknown as Omit<RowKernel, "f64">;
  return { f64: new Float64Array(memory.buffer), sub4: e.sub4, sub1: e.sub1, sub4x2: e.sub4x2, sub1x2: e.sub1x2, rowSolve: e.rowSolve };
}
