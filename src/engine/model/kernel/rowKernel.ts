// The WebAssembly row updates (rowUpdates.wat) behind a small interface, with a memory sized for
// one factorisation: the matrix and the inverse's work block live in it so the kernel reads them
// in place. WebAssembly with SIMD is in every host Ripple runs in (Node 20, Excel's browser
// engines); where it is missing or the memory cannot be had, lu.ts runs its JavaScript loops,
// which give the same numbers bit for bit (test/engine/model/rowKernel.test.ts).
import { ROW_UPDATES_WASM } from "./rowUpdatesWasm";

/** Byte offsets into `f64`'s memory; lengths and indices in doubles (rowUpdates.wat says what each does). */
export interface RowKernel {
  /** The whole memory as doubles (never grown, so views of it stay valid): the n × n matrix from 0,
   * then the inverse's work block. */
  readonly f64: Float64Array;
  /** Byte offset of the work block. */
  readonly work: number;
  sub1(d: number, s: number, l: number, len: number): void;
  /** The panel's columns factored; the pivot rows as i32 at sw; returns the columns done. */
  panel(a: number, n: number, kb: number, ke: number, pk: number, sw: number, tol: number): number;
  trailing(a: number, n: number, kb: number, ke: number, j0: number, j1: number): void;
  forward(y: number, lu: number, n: number, r0: number, w: number): void;
  backward(y: number, lu: number, n: number, w: number): void;
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
/** Below this order the JavaScript loops are as fast (the call and the copy cost more). */
export const KERNEL_MIN_N = 40;

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

/** A kernel for an n × n matrix and a work block of `work` doubles, or null (JavaScript loops instead). */
export function rowKernel(n: number, work: number): RowKernel | null {
  const bytes = (n * n + work) * 8;
  if (!enabled || n < KERNEL_MIN_N || bytes > 2 ** 31 - PAGE) return null;
  const mod = wasmModule();
  if (!mod) return null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly!;
  let memory: WasmMemory;
  try {
    memory = new api.Memory({ initial: Math.ceil(bytes / PAGE) });
  } catch {
    return null; // no room for a second copy of the matrix: the JavaScript loops work in place
  }
  const e = new api.Instance(mod, { env: { memory } }).exports as unknown as Pick<RowKernel, "sub1" | "panel" | "trailing" | "forward" | "backward">;
  return {
    f64: new Float64Array(memory.buffer),
    work: n * n * 8,
    sub1: e.sub1,
    panel: e.panel,
    trailing: e.trailing,
    forward: e.forward,
    backward: e.backward,
  };
}
