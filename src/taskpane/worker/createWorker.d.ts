/** A new compute worker (src/taskpane/worker/compute.worker.ts), bundled by webpack. */
export declare function createComputeWorker(): Worker;
