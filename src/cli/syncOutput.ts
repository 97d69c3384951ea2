// Output written straight to the process's descriptors, whole, before each write returns. A
// worker's own stdout is forwarded to the main thread asynchronously, and the main thread's
// process.stdout is asynchronous on pipes: either way a large JSON on stdout would be cut short
// when the process exits. Used by the worker (workerRun.ts) and by a short run on the main thread
// (launcher.ts).
import { writeSync } from "node:fs";
import { Writable } from "node:stream";
import type { CliIO } from "./io";

const nap = new Int32Array(new SharedArrayBuffer(4));
/** Descriptors whose reader went away (ripple … --json - | head): the rest has no one to go to. */
const closed = new Set<number>();

/** Writes all of `chunk`; a descriptor left non-blocking by whoever started us is waited for. */
export function writeAll(fd: number, chunk: string | Uint8Array): void {
  if (closed.has(fd)) return;
  const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") return void closed.add(fd);
      if (code !== "EAGAIN") throw e;
      Atomics.wait(nap, 0, 0, 2);
    }
  }
}

function fdStream(fd: number, isTTY: boolean, columns?: number): Writable & { isTTY: boolean; columns?: number } {
  const s = new Writable({
    write(chunk: Buffer, _enc, done) {
      try {
        writeAll(fd, chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  return Object.assign(s, { isTTY, columns });
}

/** The process's environment with output written synchronously (stderr as a terminal is told). */
export function syncProcessIO(signal: AbortSignal, stderrTTY: boolean, columns?: number): CliIO {
  return {
    stdout: { write: (s: string) => (writeAll(1, s), true) },
    stderr: fdStream(2, stderrTTY, columns),
    env: process.env,
    cwd: process.cwd(),
    signal,
  };
}
