// The installed command runs main() in a worker thread and keeps the main thread free, so that
// Ctrl+C is honoured within a second in every phase — also inside a long synchronous step (a
// factorisation, the workbook writer) that would hold off the signal until it ends:
//   first Ctrl+C  -> the run is asked to stop (it checks between blocks of work, removes what it
//                    wrote and exits 130); the request is a flag in shared memory as well as a
//                    message, so the checks inside synchronous work (building and packing the
//                    workbook, which does not return to the worker's event loop for seconds) see
//                    it at once; if it has not stopped within STOP_GRACE_MS, or on a
//                    second Ctrl+C, the worker is terminated and, once it has ended (its last
//                    messages delivered), the main thread removes every file the run had staged
//                    or published (it is told of each before the file is created).
// The worker's heap is bounded (HEAP_MB): a run that needs more ends with a message naming the
// bound, not with V8's "heap out of memory" abort.
// A short run (shortJob.ts: `analyze` of a small CSV to JSON) runs on the main thread instead,
// without the worker's start-up; every step of it is far below a second, so Ctrl+C is honoured
// between them (a second Ctrl+C removes what it wrote and exits at once).
import { unlinkSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../engine/errors";
import { bundleIsCurrent, runBundle } from "./codeCache";
import type { Entry } from "./entry";
import { isLang, langFromArgv, langFromEnv } from "./lang";
import { isShortJob } from "./shortJob";

/** Heap of a run in MB; RIPPLE_HEAP_MB overrides it. */
export const HEAP_MB = 4096;
/** How long a cancelled run may take to stop by itself before it is terminated. The run looks at
 * the shared flag every few ms of work, so one that can stop does so well within this; a run in a
 * step without checks (JSON.stringify of a large result, ExcelJS's writer) is terminated, which
 * V8 does mid-step. Was 300 ms: Ctrl+C while a 1,000-sector workbook was built took 0.5–1.1 s
 * under load, most of it this wait and the worker's teardown. */
export const STOP_GRACE_MS = 100;

/** The worker's code: the one-file bundle of `npm run build:cli` (scripts/bundle-cli.mjs), loaded
 * with its code cache (codeCache.ts), when it is at least as new as the compiled modules, else the
 * modules themselves. */
function workerEntry(): string {
  return join(__dirname, bundleIsCurrent() ? "bundleLoader.js" : "worker.js");
}

/** The command's modules on this thread, from the same code as the worker's. */
function loadEntry(): Entry {
  return (bundleIsCurrent() ? runBundle(undefined) : require("./entry")) as Entry;
}

function cancelledText(lang: Lang): string {
  return `ripple: ${lang === "ja" ? "中止しました" : "Cancelled"}\n`;
}

/** A short run on the main thread: the first Ctrl+C asks it to stop (it removes what it wrote and
 * ends with 130 at its next check); a second removes every file it staged or published and exits. */
async function runHere(argv: string[], lang: Lang): Promise<number> {
  // The handler is in place before the command's code loads: a Ctrl+C from here on is a cancel.
  let entry: Entry | undefined;
  const controller = new AbortController();
  const onSigint = () => {
    if (!controller.signal.aborted) return controller.abort();
    entry?.removeAllNow();
    process.stderr.write(cancelledText(lang));
    process.exit(130);
  };
  process.on("SIGINT", onSigint);
  try {
    entry = loadEntry();
    return await entry.main(argv, entry.syncProcessIO(controller.signal, !!process.stderr.isTTY, process.stderr.columns));
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}

/** The worker's heap, as every run gets it (the code cache is made under the same limits). */
function resourceLimits(): { maxOldGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: Number(process.env.RIPPLE_HEAP_MB) > 0 ? Number(process.env.RIPPLE_HEAP_MB) : HEAP_MB };
}

/** Runs `argv` once in a worker like the command's and writes the bundle's code cache to `out`
 * when it ends (scripts/bundle-cli.mjs), and that of the workbook libraries' bundle to `xlsxOut`
 * when given (codeCache.ts xlsxLibraries). Resolves with the run's exit status. */
export function makeCodeCache(argv: string[], out: string, xlsxOut?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let status = 70;
    const worker = new Worker(join(__dirname, "bundleLoader.js"), {
      workerData: { argv, stderrTTY: false, makeCodeCache: out, makeXlsxCodeCache: xlsxOut },
      resourceLimits: resourceLimits(),
      stdout: true,
      stderr: true,
    });
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "status") status = m.code;
    });
    worker.on("error", reject);
    worker.on("exit", () => resolve(status));
  });
}

export type WorkerMessage = { type: "pending"; path: string; added: boolean } | { type: "status"; code: number };

export function runCli(argv: string[]): Promise<number> {
  const argLang = langFromArgv(argv);
  const lang: Lang = isLang(argLang) ? argLang : langFromEnv(process.env);
  if (isShortJob(argv, process.cwd())) return runHere(argv, lang);
  const limits = resourceLimits();
  const heapMb = limits.maxOldGenerationSizeMb;
  return new Promise((resolve) => {
    const pending = new Set<string>();
    let status: number | null = null;
    let settled = false;
    let cancelled = false;
    let terminating = false;
    // Set to 1 on the first Ctrl+C; read by the worker's checks (workerRun.ts pollCancel).
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerEntry(), {
      workerData: { argv, stderrTTY: !!process.stderr.isTTY, columns: process.stderr.columns, cancelFlag },
      resourceLimits: limits,
    });
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      process.removeListener("SIGINT", onSigint);
      for (const p of pending) {
        try {
          unlinkSync(p);
        } catch {
          // already gone
        }
      }
      resolve(code);
    };
    // The worker's "exit" event follows, after its last messages (files staged, status) have
    // been delivered, and ends the run (below).
    const stop = () => {
      if (settled || terminating) return;
      terminating = true;
      void worker.terminate();
    };
    const onSigint = () => {
      if (cancelled) return stop();
      cancelled = true;
      Atomics.store(cancelFlag, 0, 1);
      worker.postMessage("abort");
      setTimeout(stop, STOP_GRACE_MS).unref();
    };
    process.on("SIGINT", onSigint);
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "pending") {
        if (m.added) pending.add(m.path);
        else pending.delete(m.path);
      } else {
        // The run has ended: its outputs are written (or removed) and its messages printed, and the
        // files it staged were reported before this. The command ends now rather than after the
        // thread's teardown (5–100 ms, more with a large heap); the thread is stopped with it.
        status = m.code;
        finish(m.code);
      }
    });
    worker.on("error", (e: Error & { code?: string }) => {
      if (settled) return;
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        process.stderr.write(
          lang === "ja"
            ? `ripple: メモリーの上限 ${heapMb.toLocaleString("en")} MB を超えるため中止しました。何も書き込んでいません（RIPPLE_HEAP_MB で上限を変えられます）。\n`
            : `ripple: stopped: the run needs more than its ${heapMb.toLocaleString("en")} MB of memory. Nothing was written (RIPPLE_HEAP_MB sets the bound).\n`,
        );
        finish(2);
      } else {
        process.stderr.write(`ripple: ${lang === "ja" ? "予期しないエラー" : "unexpected error"}: ${e.message}\n`);
        finish(70);
      }
    });
    worker.on("exit", () => {
      // A terminated run that had not reported how it ended is said to be cancelled here; one
      // that had (it said so itself: cancelled, failed or done) keeps its status, said once.
      if (terminating && status === null && !settled) process.stderr.write(cancelledText(lang));
      finish(cancelled && status === null ? 130 : (status ?? 70));
    });
  });
}
