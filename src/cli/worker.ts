// The worker's entry when the one-file bundle is missing or older than the compiled modules
// (launcher.ts); with the bundle, bundleLoader.ts starts the same run.
import { isOffloadedJob, runOffloaded } from "./offloadWorker";
import { runInWorker } from "./workerRun";

// A helper thread of the command (offload.ts) or the command's own worker.
if (isOffloadedJob()) runOffloaded();
else runInWorker();
