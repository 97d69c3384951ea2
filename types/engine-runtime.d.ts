// The few globals src/engine may use: those every JavaScript runtime has (browser, Web Worker,
// Node), declared here for tsconfig.engine.json, which gives the engine no DOM, node or Office
// types. Anything else a host offers (files, sheets, the DOM) must come in as an argument.

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
}

declare function setTimeout(handler: () => void, timeout?: number): unknown;

declare const performance: { now(): number };
