// Runs one compute job of the pane in a Web Worker, so the pane stays responsive while a
// Monte Carlo of 100,000 draws or a large inverse is computed: progress arrives as messages, and
// 中止 terminates the worker at once (the job is stopped mid-loop, not at its next check).
// Nothing is written by a job: the flow writes its result after the job returns, so a cancelled
// job leaves the workbook as it was.
//
// Where no Worker exists (Node, in the flow tests) the same function runs in this thread with
// the same progress and abort signal.

import { cancelledError, RippleError } from "../../engine/errors";
import type { RunControl } from "../progress";
import { createComputeWorker } from "./createWorker";
import { fromWire, type JobMessage, type JobRequest } from "./protocol";
import type { JobName } from "./jobs";

/** Whether jobs run in a worker here (a browser with Worker) or in this thread. */
export function workersAvailable(): boolean {
  return typeof Worker !== "undefined";
}

function workerFailed(detail: string): RippleError {
  return new RippleError("worker-failed", {
    ja: `計算用のワーカーを起動できませんでした（${detail}）。作業ウィンドウを閉じて開き直してください。続く場合は IT 担当者に、このアドインのファイル（*.worker.js など）が配信されているか確認を依頼してください`,
    en: `The compute worker could not be started (${detail}). Close and reopen the task pane; if it persists, ask your IT team to check that all of the add-in's files (including *.worker.js) are served`,
  });
}

/** Run `job` on `input`: in a worker when the browser has one, else `local` in this thread. */
export function runJob<I, O>(job: JobName, local: (input: I, control: RunControl) => Promise<O>, input: I, control: RunControl = {}): Promise<O> {
  if (!workersAvailable()) return local(input, control);
  const { signal, onProgress } = control;
  if (signal?.aborted) return Promise.reject(cancelledError());
  return new Promise<O>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = createComputeWorker();
    } catch (e) {
      reject(workerFailed(e instanceof Error ? e.message : String(e)));
      return;
    }
    const finish = () => {
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(cancelledError());
    };
    signal?.addEventListener("abort", onAbort);
    worker.onmessage = (ev: MessageEvent<JobMessage>) => {
      const m = ev.data;
      if (m.type === "progress") onProgress?.(m.progress);
      else if (m.type === "done") {
        finish();
        resolve(m.result as O);
      } else {
        finish();
        reject(fromWire(m.error));
      }
    };
    // The job catches its own errors and posts them; an error event means the worker's script
    // itself failed (not loaded, blocked, a syntax error in an old engine).
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      finish();
      reject(workerFailed(ev.message || "script error"));
    };
    worker.onmessageerror = () => {
      finish();
      reject(workerFailed("message could not be read"));
    };
    const request: JobRequest = { type: "run", job, input };
    worker.postMessage(request);
  });
}
