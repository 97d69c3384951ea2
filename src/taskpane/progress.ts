// Progress and cancel shared by every run of the pane (analysis, plans, market, disruption): a
// run moves through the same five stages, each owning a slice of one progress bar, and checks
// the abort signal between stages (the gateway and the inverse also check it inside theirs).

import { cancelledError } from "../engine/errors";

/** simulate: the market model and its Monte Carlo draws (the market flow's analysis); sam and
 * solve: the CGE tab's SAM with its calibration, and its scenarios solved (counted). */
export type RunStage = "read" | "build" | "analyze" | "simulate" | "sam" | "solve" | "report" | "write";

export interface RunProgress {
  stage: RunStage;
  /** Overall fraction done, 0..1. */
  fraction: number;
  /** Items of the stage done and in all (draws of the Monte Carlo), when the stage counts them. */
  done?: number;
  total?: number;
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
  simulate: [0.45, 0.55],
  sam: [0.05, 0.45],
  solve: [0.45, 0.55],
  report: [0.55, 0.6],
  write: [0.6, 1],
};

/** The market flow: the Monte Carlo dominates; the inverse is one small table's. */
export const MARKET_SPAN: StageSpans = {
  read: [0, 0.03],
  build: [0.03, 0.13],
  analyze: [0.13, 0.13],
  simulate: [0.13, 0.85],
  sam: [0.03, 0.13],
  solve: [0.13, 0.85],
  report: [0.85, 0.9],
  write: [0.9, 1],
};

export interface Stepper {
  /** Report `part` (0..1) of a stage done. */
  report(stage: RunStage, part: number, count?: { done: number; total: number }): void;
  /** Throws cancelledError() when the user pressed cancel. */
  check(): void;
  /** A (done, total) callback for one stage, for the engine and the gateway. */
  within(stage: RunStage): (done: number, total: number) => void;
}

export function stepper(control: RunControl, spans: StageSpans = STAGE_SPAN): Stepper {
  const report = (stage: RunStage, part: number, count?: { done: number; total: number }) => {
    const [a, b] = spans[stage];
    control.onProgress?.({ stage, fraction: a + (b - a) * Math.min(1, Math.max(0, part)), ...count });
  };
  return {
    report,
    check: () => {
      if (control.signal?.aborted) throw cancelledError();
    },
    within: (stage) => (done, total) => report(stage, total > 0 ? done / total : 1, { done, total }),
  };
}

/** The progress label: the stage in the user's language, with the draws done when it counts them
 * ("需給モデルとモンテカルロを計算中（45,000 / 100,000 回）"). */
export function progressText(t: (key: string, values?: Record<string, string>) => string, p: RunProgress, lang: "ja" | "en"): string {
  const stage = t(`run.stage.${p.stage}`);
  const counted = p.stage === "simulate" || p.stage === "solve";
  if (!counted || p.done === undefined || p.total === undefined) return stage;
  const nf = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US");
  if (p.stage === "solve") return t("run.stageScenarios", { stage, done: nf.format(p.done), total: nf.format(p.total) });
  return t("run.stageCount", { stage, done: nf.format(p.done), total: nf.format(p.total) });
}
