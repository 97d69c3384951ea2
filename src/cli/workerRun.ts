// The command's run in a worker thread (see launcher.ts): main() with the process's output, the
// cancel request from the main thread, and reports of the files it stages and of its exit status.
import { parentPort, workerData } from "node:worker_threads";
import { onPendingChange } from "./atomicWrite";
import type { WorkerMessage } from "./launcher";
import { main } from "./main";
import { syncProcessIO } from "./syncOutput";

export function runInWorker(): void {
  const port = parentPort!;
  const data = workerData as { argv: string[]; stderrTTY: boolean; columns?: number; cancelFlag?: Int32Array };
  const controller = new AbortController();
  port.on("message", (m) => {
    if (m === "abort") controller.abort();
  });
  // The launcher's Ctrl+C flag, read without waiting for the "abort" message: that message is only
  // delivered when the run returns to the event loop, which synchronous work does not do for
  // seconds. Aborts the run's signal when the flag is set (CliIO.pollCancel).
  const pollCancel = (): void => {
    if (data.cancelFlag && Atomics.load(data.cancelFlag, 0) !== 0 && !controller.signal.aborted) controller.abort();
  };
  const post = (m: WorkerMessage) => port.postMessage(m);
  onPendingChange((path, added) => post({ type: "pending", path, added }));
  void main(data.argv, { ...syncProcessIO(controller.signal, data.stderrTTY, data.columns), pollCancel }).then((code) => {
    post({ type: "status", code });
    // Let go of the port so the thread ends.
    port.close();
  });
}
