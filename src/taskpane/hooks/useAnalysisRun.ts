// The ripple-effects tab's state (steps 4–5): the shock range as typed and as read, the purchaser
// prices, and the run — progress, cancel, the sheets written, the headline and the model name
// under which the worksheet functions find the model. Kept in App (not in the tab component) so
// that a table that fails to load does not wipe what the user typed.

import * as React from "react";
import { useTranslation } from "react-i18next";
import { RippleError, type Lang } from "../../engine/errors";
import type { Grid } from "../../engine/grid";
import { NO_PURCHASER_PRICES, type PurchaserPriceFields } from "../components/PurchaserPrices";
import { analysisHeadline, type AnalysisHeadline } from "../headline";
import { changedModelOptions, type PaneOptions } from "../paneOptions";
import { type ProgressStore, useProgressStore } from "../progressStore";
import {
  type DetectedTable,
  gridRangeAddress,
  parseRangeAddress,
  previewShock,
  purchaserForRun,
  marginGroupsIn,
  readShockGrid,
  runAnalysis,
  type RunInput,
  type ShockPreview,
} from "../runAnalysis";
import type { PlacedError } from "./usePlacedError";

export interface AnalysisRun {
  shockAddress: string;
  /** The shock as read and matched to the table's sectors, or null. */
  shock: ShockPreview | null;
  /** Typed text not read yet (the run will read it). */
  shockStale: boolean;
  /** The error to show under the shock field, if any. */
  shockFieldShown: unknown;
  purchaser: PurchaserPriceFields;
  /** The sets of rates found in the margins range (a dropdown when several). */
  marginGroups: string[];
  /** Look for the sets of rates in the margins range as typed. */
  readMarginGroups(): void;
  running: boolean;
  /** Outside React state: a progress report re-renders the bar only (progressStore.ts). */
  progress: ProgressStore;
  written: string[] | null;
  cancelled: boolean;
  modelName: string;
  registeredAs: string | null;
  outcome: { headline: AnalysisHeadline | null; unit: string | null } | null;
  setPurchaser(value: PurchaserPriceFields): void;
  setModelName(name: string): void;
  changeShockAddress(text: string): void;
  readShock(source: "selection" | "address"): Promise<Grid | null>;
  run(): Promise<void>;
  cancel(): void;
  /** A new table was read: earlier results are gone, and the model takes the sheet's name. */
  resetFor(d: DetectedTable): void;
}

export interface AnalysisRunContext {
  detected: DetectedTable | null;
  options: PaneOptions;
  lang: Lang;
  errors: PlacedError;
  /** The run writes new sheets: the sheet pickers re-read the list. */
  refreshSheets(): void;
}

export function useAnalysisRun({ detected, options, lang, errors, refreshSheets }: AnalysisRunContext): AnalysisRun {
  const { t } = useTranslation();
  const { setError, fail } = errors;
  const table = detected?.table ?? null;
  const [shockAddress, setShockAddress] = React.useState("");
  const [shockGrid, setShockGrid] = React.useState<Grid | null>(null);
  const [running, setRunning] = React.useState(false);
  const progress = useProgressStore();
  const [written, setWritten] = React.useState<string[] | null>(null);
  const [cancelled, setCancelled] = React.useState(false);
  const [modelName, setModelName] = React.useState("");
  const [registeredAs, setRegisteredAs] = React.useState<string | null>(null);
  const [shockReadText, setShockReadText] = React.useState<string | null>(null);
  const [shockFieldError, setShockFieldError] = React.useState<unknown>(null);
  const [purchaser, setPurchaser] = React.useState<PurchaserPriceFields>(NO_PURCHASER_PRICES);
  const [marginGroups, setMarginGroups] = React.useState<string[]>([]);
  const [outcome, setOutcome] = React.useState<{ headline: AnalysisHeadline | null; unit: string | null } | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  // The shock preview follows the table: a role edit can change the sectors it matches.
  const [shock, shockError] = React.useMemo<[ShockPreview | null, unknown]>(() => {
    if (!shockGrid || !table) return [null, null];
    try {
      return [previewShock(table, shockGrid), null];
    } catch (err) {
      return [null, err];
    }
  }, [shockGrid, table]);

  /** Reads the shock range (typed or selected); the grid, or null with the error shown under
   * the field (and announced: the field's message has role="alert"). */
  const readShock = async (source: "selection" | "address"): Promise<Grid | null> => {
    setShockFieldError(null);
    try {
      let from: { sheet: string; address: string } | "selection" = "selection";
      if (source === "address") {
        const parsed = parseRangeAddress(shockAddress);
        if (!parsed) {
          setShockGrid(null);
          setShockReadText(null);
          setShockFieldError(new RippleError("shock-address", { ja: t("shock.badAddress", { lng: "ja" }), en: t("shock.badAddress", { lng: "en" }) }));
          return null;
        }
        from = parsed;
      }
      const grid = await readShockGrid(from);
      const text = source === "selection" ? `${grid.sheet}!${gridRangeAddress(grid)}` : shockAddress.trim();
      setShockGrid(grid);
      setShockReadText(text);
      if (source === "selection") setShockAddress(text);
      return grid;
    } catch (err) {
      console.error(err);
      setShockGrid(null);
      setShockReadText(null);
      setShockFieldError(err);
      return null;
    }
  };

  const changeShockAddress = (text: string) => {
    setShockAddress(text);
    setShockFieldError(null);
  };

  /** The shock the run uses: what the field says now. A range typed but not read yet is read
   * (it used to be ignored silently); an empty field means no shock. Undefined: the shock could
   * not be read, the error is under the field and the run stops. */
  const shockForRun = async (): Promise<ShockPreview | null | undefined> => {
    const typed = shockAddress.trim();
    if (typed === "") {
      setShockGrid(null);
      setShockReadText(null);
      return null;
    }
    if (typed === shockReadText && shock) return shock;
    if (typed === shockReadText && shockError) return undefined;
    const grid = await readShock("address");
    if (!grid || !table) return undefined;
    try {
      return previewShock(table, grid);
    } catch (err) {
      return undefined; // shockError (the preview of the same grid) shows it under the field
    }
  };

  const run = async () => {
    if (!detected) return;
    setError(null);
    setWritten(null);
    setOutcome(null);
    setRegisteredAs(null);
    setCancelled(false);
    const runShock = await shockForRun();
    if (runShock === undefined) return;
    let runPurchaser: RunInput["purchaser"] = null;
    try {
      runPurchaser = await purchaserForRun(purchaser, (key) => ({ ja: t(key, { lng: "ja" }), en: t(key, { lng: "en" }) }));
    } catch (err) {
      fail(err, "run");
      return;
    }
    setRunning(true);
    progress.set({ stage: "read", fraction: 0 });
    const ac = new AbortController();
    abort.current = ac;
    try {
      const out = await runAnalysis(
        {
          detected,
          shock: runShock,
          options: changedModelOptions(options),
          typeII: options.typeII,
          allowImbalance: options.allowImbalance,
          purchaser: runPurchaser,
          lang,
          modelName: modelName.trim() || undefined,
        },
        { signal: ac.signal, onProgress: progress.set },
      );
      setWritten(out.sheets);
      setOutcome({ headline: analysisHeadline(out.result.impact), unit: detected.layout.unit });
      setRegisteredAs(modelName.trim() || null);
      refreshSheets();
    } catch (err) {
      if (err instanceof RippleError && err.kind === "cancelled") setCancelled(true);
      else fail(err, "run");
    } finally {
      abort.current = null;
      setRunning(false);
    }
  };

  const readMarginGroups = () => {
    if (!table || !purchaser.on) return;
    void marginGroupsIn(table, purchaser.margins).then(setMarginGroups);
  };

  const shockStale = shockAddress.trim() !== "" && shockAddress.trim() !== shockReadText;
  return {
    shockAddress,
    shock,
    shockStale,
    shockFieldShown: shockFieldError ?? (shockStale ? null : shockError),
    purchaser,
    marginGroups,
    readMarginGroups,
    running,
    progress,
    written,
    cancelled,
    modelName,
    registeredAs,
    outcome,
    setPurchaser,
    setModelName,
    changeShockAddress,
    readShock,
    run,
    cancel: () => abort.current?.abort(),
    resetFor: (d) => {
      setWritten(null);
      setModelName(d.grid.sheet);
    },
  };
}
