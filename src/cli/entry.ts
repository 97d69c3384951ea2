// What the launcher needs of the command, in one module: esbuild joins it and everything it
// imports into dist/cli/worker.bundle.js (scripts/bundle-cli.mjs), loaded with its code cache
// both in the worker (bundleLoader.ts) and, for a short run, on the main thread (launcher.ts).
export type Entry = typeof import("./entry");
export { removeAllNow } from "./atomicWrite";
export { main } from "./main";
export { syncProcessIO } from "./syncOutput";
export { runInWorker } from "./workerRun";
export { isOffloadedJob, runOffloaded } from "./offloadWorker";
