// The command's run in a worker thread (see launcher.ts): main() with the process's output, the
// cancel request from the main thread, and reports of the files it stages and of its exit status.
import { parentPort, workerData } from "node:worker_threads";
import { onPendingChange } from "./atomicWrite";
import type { WorkerMessage } from "./launcher";
import { main } from "./main";
import { syncProcessIO } from "./syncOutput";

export function runInWorker(): void {
  const port = parentPort!;
  const data = workerData as { argv: string[]; stderrTTY: boolean; columns?: number };
  const controller = new AbortController();
  port.on("message", (m) => {
    if (m === "abort") controller.abort();
  });
  const post = (m: WorkerMessage) => port.postMessage(m);
  onPendingChange((path, added) => post({ type: "pending", path, added }));
  void main(data.argv, syncProcessIO(controller.signal, data.stderrTTY, data.columns)).then((code) => {
    post({ type: "status", code });
    // Let go of the port so the thread ends.
    port.close();
  });
}
