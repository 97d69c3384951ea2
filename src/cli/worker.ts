// The worker's entry when the one-file bundle is missing or older than the compiled modules
// (launcher.ts); with the bundle, bundleLoader.ts starts the same run.
import { runInWorker } from "./workerRun";

runInWorker();
