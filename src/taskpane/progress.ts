// Progress and cancel shared by every run of the pane (analysis, plans, market, disruption): a
// run moves through the same five stages, each owning a slice of one progress bar, and checks
// the abort signal between stages (the gateway and the inverse also check it inside theirs).

import { cancelledError } from "../engine/errors";

export type RunStage = "read" | "build" | "analyze" | "report" | "write";

export interface RunProgress {
  stage: RunStage;
  /** Overall fraction done, 0..1. */
  fraction: number;
}

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

export type StageSpans = Record<RunStage, [number, number]>;

/** Share of the progress bar each stage takes (the factorisation and the writing dominate). */
export const STAGE_SPAN: StageSpans = {
  read: [0, 0.05],
  build: [0.05, 0.45],
  analyze: [0.45, 0.55],
  report: [0.55, 0.6],
  write: [0.6, 1],
};

export interface Stepper {
  /** Report `part` (0..1) of a stage done. */
  report(stage: RunStage, part: number): void;
  /** Throws cancelledError() when the user pressed cancel. */
  check(): void;
  /** A (done, total) callback for one stage, for the engine and the gateway. */
  within(stage: RunStage): (done: number, total: number) => void;
}

export function stepper(control: RunControl, spans: StageSpans = STAGE_SPAN): Stepper {
  const report = (stage: RunStage, part: number) => {
    const [a, b] = spans[stage];
    control.onProgress?.({ stage, fraction: a + (b - a) * Math.min(1, Math.max(0, part)) });
  };
  return {
    report,
    check: () => {
      if (control.signal?.aborted) throw cancelledError();
    },
    within: (stage) => (done, total) => report(stage, total > 0 ? done / total : 1),
  };
}
