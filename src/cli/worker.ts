// The command's worker thread (see launcher.ts): runs main() with the process's output, the
// cancel request from the main thread, and reports the files it stages and its exit status.
import { writeSync } from "node:fs";
import { Writable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { onPendingChange } from "./atomicWrite";
import type { WorkerMessage } from "./launcher";
import { main } from "./main";

const port = parentPort!;
const data = workerData as { argv: string[]; stderrTTY: boolean; columns?: number; cancelFlag?: Int32Array };
const controller = new AbortController();
port.on("message", (m) => {
  if (m === "abort") controller.abort();
});
/** The launcher's Ctrl+C flag, read without waiting for the "abort" message: that message is only
 * delivered when the run returns to the event loop, which synchronous work does not do for
 * seconds. Aborts the run's signal when the flag is set (CliIO.pollCancel). */
function pollCancel(): void {
  if (data.cancelFlag && Atomics.load(data.cancelFlag, 0) !== 0 && !controller.signal.aborted) controller.abort();
}
const post = (m: WorkerMessage) => port.postMessage(m);
onPendingChange((path, added) => post({ type: "pending", path, added }));

const nap = new Int32Array(new SharedArrayBuffer(4));

/** Writes straight to the process's descriptor, whole, before returning: a worker's own stdout
 * is forwarded to the main thread asynchronously, and a large JSON on stdout would be cut short
 * when the process exits. A descriptor left non-blocking by whoever started us is waited for. */
const closed = new Set<number>();
function writeAll(fd: number, chunk: string | Uint8Array): void {
  // The reader went away (ripple … --json - | head): the rest has no one to go to.
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

const stdout = { write: (s: string) => (writeAll(1, s), true) };
const stderr = fdStream(2, data.stderrTTY, data.columns);
void main(data.argv, { stdout, stderr, env: process.env, cwd: process.cwd(), signal: controller.signal, pollCancel }).then((code) => {
  post({ type: "status", code });
  // Let go of the port so the thread ends.
  port.close();
});
