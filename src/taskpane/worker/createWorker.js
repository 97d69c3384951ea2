// The one place the compute worker is created. Plain JavaScript on purpose: webpack 5 bundles a
// worker only from the literal `new Worker(new URL("…", import.meta.url))`, and TypeScript,
// which compiles this project as CommonJS for the command line, refuses `import.meta`. The
// types are in createWorker.d.ts.

export function createComputeWorker() {
  return new Worker(new URL("./compute.worker.ts", import.meta.url), { name: "ripple-compute" });
}
