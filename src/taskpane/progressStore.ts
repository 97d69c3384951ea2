// A run's progress kept outside React state. The compute worker reports progress up to 20 times
// a second; held as state of the pane (or of a tab's panel) each report re-rendered everything
// under it — on a 1,000-sector table the role map, the self-sufficiency fields and the sector
// drop-downs, about half a second of the pane's thread per report in Chromium, the very freeze
// the worker is there to remove. Only the progress bar and its label subscribe to the store.

import * as React from "react";
import type { RunProgress } from "./progress";

export class ProgressStore {
  private value: RunProgress | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = (): RunProgress | null => this.value;

  readonly set = (p: RunProgress | null): void => {
    this.value = p;
    for (const l of this.listeners) l();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The store's progress, re-rendering only the component that calls this. */
export function useProgress(store: ProgressStore): RunProgress | null {
  return React.useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** One store for the life of a component. */
export function useProgressStore(): ProgressStore {
  return React.useState(() => new ProgressStore())[0];
}
