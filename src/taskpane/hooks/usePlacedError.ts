// The pane's one error slot, with where to show it: next to what caused it — the table and role
// map (top), the role map's confirm, or the run button — not 800 px away at the top of a narrow
// pane. One slot, so a new action clears whatever the last one left.

import * as React from "react";

export type ErrorPlace = "table" | "roles" | "run";

export interface PlacedError {
  error: { at: ErrorPlace; err: unknown } | null;
  /** Shows `err` at `at` (default the table); null clears the slot. */
  setError(err: unknown, at?: ErrorPlace): void;
  /** Like setError, and logs the error with its stack for developers. */
  fail(err: unknown, at?: ErrorPlace): void;
}

export function usePlacedError(): PlacedError {
  const [error, setErrorAt] = React.useState<{ at: ErrorPlace; err: unknown } | null>(null);
  const setError = (err: unknown, at: ErrorPlace = "table") => setErrorAt(err === null ? null : { at, err });
  const fail = (err: unknown, at: ErrorPlace = "table") => {
    console.error(err); // keep the stack for developers; the user sees the message bar
    setError(err, at);
  };
  return { error, setError, fail };
}
