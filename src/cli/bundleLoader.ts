// The worker's entry when the one-file bundle is current (launcher.ts): the bundle compiled with its
// code cache (codeCache.ts). `makeCodeCache` (scripts/bundle-cli.mjs) asks for the cache to be made.
import { workerData } from "node:worker_threads";
import { runBundle } from "./codeCache";
import type { Entry } from "./entry";

const entry = runBundle((workerData as { makeCodeCache?: string } | null)?.makeCodeCache) as Entry;
// A helper thread of the command (offload.ts) or the command's own worker.
if (entry.isOffloadedJob()) entry.runOffloaded();
else entry.runInWorker();
