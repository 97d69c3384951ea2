// The progress bar on stderr, fed by IOModel.buildAsync's onProgress. Shown only where it
// helps: on a terminal for tables big enough to take a moment, or for very large tables
// anywhere (then cli-progress prints a line every few seconds instead of redrawing).
import type { Lang } from "../engine/errors";

/** Below this many sectors the build is instant and a bar would only flicker. */
export const PROGRESS_MIN_SECTORS_TTY = 200;
/** From this many sectors the bar is shown even when stderr is a file or pipe. */
export const PROGRESS_MIN_SECTORS_ANY = 1000;

export interface Progress {
  update(done: number, total: number, stage: string): void;
  stop(): void;
}

const STAGE_TEXT: Record<string, { ja: string; en: string }> = {
  coefficients: { ja: "係数", en: "coefficients" },
  factor: { ja: "LU 分解", en: "factorising" },
};

export function wantsProgress(n: number, stderrIsTTY: boolean, quiet: boolean): boolean {
  if (quiet) return false;
  return (stderrIsTTY && n >= PROGRESS_MIN_SECTORS_TTY) || n >= PROGRESS_MIN_SECTORS_ANY;
}

export function startProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, lang: Lang): Progress {
  // Loaded here: most runs show no bar, and the package costs a noticeable part of a small run's start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar, Presets } = require("cli-progress") as typeof import("cli-progress");
  const bar = new SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: "ripple {bar} {percentage}% | {stage} {value}/{total}",
      noTTYOutput: !stream.isTTY,
      notTTYSchedule: 2000,
      hideCursor: !!stream.isTTY,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  let lastStage = "";
  return {
    update(done, total, stage) {
      const label = STAGE_TEXT[stage]?.[lang] ?? stage;
      if (!started) {
        bar.start(total, done, { stage: label });
        started = true;
      } else if (stage !== lastStage) {
        bar.setTotal(total);
      }
      lastStage = stage;
      bar.update(done, { stage: label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
