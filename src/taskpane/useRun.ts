// One run of a pane flow as React state: running, progress, cancel (AbortController), the sheets
// written, "cancelled", and the error to show next to the flow's buttons. Errors are kept (and
// logged for developers), never swallowed; a cancel is shown as such, not as an error.

import * as React from "react";
import { RippleError, RippleErrorList, formatMessage, type Lang } from "../engine/errors";
import type { RunControl } from "./progress";
import { useProgressStore, type ProgressStore } from "./progressStore";

export interface RunState {
  running: boolean;
  /** The running task's progress, outside React state (progressStore.ts). */
  progress: ProgressStore;
  cancelled: boolean;
  error: unknown;
  setError(err: unknown): void;
  /** Run `task` with a fresh abort signal and progress; resolves to its result, or null when
   * it failed (error set) or was cancelled. */
  start<T>(task: (control: RunControl) => Promise<T>): Promise<T | null>;
  cancel(): void;
}

export function useRun(): RunState {
  const [running, setRunning] = React.useState(false);
  const progress = useProgressStore();
  const [cancelled, setCancelled] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const abort = React.useRef<AbortController | null>(null);

  const start = React.useCallback(async <T,>(task: (control: RunControl) => Promise<T>): Promise<T | null> => {
    const ac = new AbortController();
    abort.current = ac;
    setError(null);
    setCancelled(false);
    setRunning(true);
    progress.set({ stage: "read", fraction: 0 });
    try {
      return await task({ signal: ac.signal, onProgress: progress.set });
    } catch (err) {
      if (err instanceof RippleError && err.kind === "cancelled") setCancelled(true);
      else {
        console.error(err); // the stack for developers; the user sees the message
        setError(err);
      }
      return null;
    } finally {
      abort.current = null;
      setRunning(false);
    }
  }, [progress]);

  return { running, progress, cancelled, error, setError, start, cancel: () => abort.current?.abort() };
}

/** An error as the pane shows it: one message, or a title and one line per problem, each with
 * its sheet and cell, in the user's language. */
export function errorParts(err: unknown, lang: Lang, unexpected: (message: string) => string): { message: string; problems?: string[] } {
  if (err instanceof RippleErrorList)
    return { message: formatMessage(err.text, {}, lang), problems: err.problems.map((p) => p.format(lang)) };
  if (err instanceof RippleError) return { message: err.format(lang) };
  return { message: unexpected(err instanceof Error ? err.message : String(err)) };
}
