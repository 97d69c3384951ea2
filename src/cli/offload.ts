// The command line's second thread for the plans' security Monte Carlo (usecases/security.ts
// SecurityOffload): a worker thread started from the same code as the command's worker, so the
// two Monte Carlo runs of `--market` with plans use both cores. Nothing is shared but the input
// (a structured clone) and the result; errors come back as their parts (engine/errorWire.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { cancelledError } from "../engine/errors";
import { fromWire, type WireError } from "../engine/errorWire";
import type { SecurityInput } from "../engine/security/evaluate";
import type { SecurityMonteCarlo } from "../engine/security/montecarlo";
import type { SecurityOffload } from "../usecases/security";
import { bundleIsCurrent } from "./codeCache";

/** What the helper thread is given (workerData.securityMonteCarlo). */
export interface OffloadedSecurityJob {
  input: SecurityInput;
  parameters: Record<string, number>;
  draws: number;
  seed?: string;
}

export type OffloadMessage = { type: "done"; result: SecurityMonteCarlo | null } | { type: "error"; error: WireError };

/** The worker entry of this build: the code-cached bundle when it is current, else the modules. */
function entryFile(): string {
  return join(__dirname, bundleIsCurrent() ? "bundleLoader.js" : "worker.js");
}

/** The helper thread when this is the compiled command (dist/cli): run from the TypeScript sources
 * (the tests' in-process runs) there is no entry for a thread, and the work runs inline. */
export function cliOffload(): SecurityOffload | undefined {
  return __filename.endsWith(".js") && existsSync(entryFile()) ? threadOffload : undefined;
}

export const threadOffload: SecurityOffload = {
  securityMonteCarlo(input, parameters, opts, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError());
      const job: OffloadedSecurityJob = { input, parameters, draws: opts.draws, seed: opts.seed };
      const worker = new Worker(entryFile(), { workerData: { securityMonteCarlo: job } });
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        f();
      };
      const onAbort = () => settle(() => {
        void worker.terminate();
        reject(cancelledError());
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      worker.on("message", (m: OffloadMessage) => settle(() => (m.type === "done" ? resolve(m.result) : reject(fromWire(m.error)))));
      worker.on("error", (e) => settle(() => reject(e)));
      worker.on("exit", (code) => settle(() => reject(new Error(`the security Monte Carlo's thread ended (exit ${code}) without a result`))));
    });
  },
};
