// The helper thread's side of offload.ts: one security Monte Carlo, its result or its error
// posted back, then the thread ends.
import { parentPort, workerData } from "node:worker_threads";
import { toWire } from "../engine/errorWire";
import { securityMonteCarlo } from "../engine/security/montecarlo";
import type { OffloadedSecurityJob, OffloadMessage } from "./offload";

/** Whether this thread was started for an offloaded job (bundleLoader.ts, worker.ts). */
export function isOffloadedJob(): boolean {
  return !!(workerData as { securityMonteCarlo?: unknown } | null)?.securityMonteCarlo;
}

export function runOffloaded(): void {
  const port = parentPort!;
  const job = (workerData as { securityMonteCarlo: OffloadedSecurityJob }).securityMonteCarlo;
  let message: OffloadMessage;
  try {
    message = { type: "done", result: securityMonteCarlo(job.input, job.parameters, { draws: job.draws, seed: job.seed }) };
  } catch (e) {
    message = { type: "error", error: toWire(e) };
  }
  port.postMessage(message);
  port.close();
}
