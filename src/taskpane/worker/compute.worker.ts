// The pane's compute worker: runs one job (jobs.ts) per worker, posting its progress (at most
// every 50 ms, and at each new stage) and then its result or its error. The pane terminates the
// worker when the user presses 中止 and when the job has answered.

import type { RunProgress } from "../progress";
import { JOBS, type JobName } from "./jobs";
import { toWire, type JobMessage, type JobRequest } from "./protocol";

interface WorkerScope {
  onmessage: ((ev: MessageEvent<JobRequest>) => void) | null;
  postMessage(m: JobMessage): void;
}

const scope = self as unknown as WorkerScope;
const PROGRESS_EVERY_MS = 50;

scope.onmessage = (ev) => {
  const { job, input } = ev.data;
  let lastStage = "";
  let lastAt = 0;
  const onProgress = (progress: RunProgress) => {
    const now = performance.now();
    if (progress.stage === lastStage && now - lastAt < PROGRESS_EVERY_MS) return;
    lastStage = progress.stage;
    lastAt = now;
    scope.postMessage({ type: "progress", progress });
  };
  const run = JOBS[job as JobName] as ((input: unknown, control: { onProgress: typeof onProgress }) => Promise<unknown>) | undefined;
  if (!run) {
    scope.postMessage({ type: "error", error: { ripple: false, name: "Error", message: `unknown job ${job}` } });
    return;
  }
  run(input, { onProgress }).then(
    (result) => {
      try {
        scope.postMessage({ type: "done", result });
      } catch (e) {
        // A result that cannot be cloned (it holds a function) is a fault of the job: said, not hung.
        scope.postMessage({ type: "error", error: toWire(e) });
      }
    },
    (e) => scope.postMessage({ type: "error", error: toWire(e) }),
  );
};
