// The input-output table every tab computes on, as pane state: the workbook's sheets, the table
// read from a sheet or the selection, the role edits and the confirmed mapping saved in the
// workbook, and the same check summary as `ripple inspect` (its problems stop the runs).

import * as React from "react";
import type { Lang } from "../../engine/errors";
import type { ImportType, Line, Role } from "../../engine/table/types";
import type { InspectReport } from "../../report/inspect";
import { inspectTable } from "../../usecases/inspect";
import * as gateway from "../../workbook/office/gateway";
import type { Axis } from "../components/RoleMap";
import {
  type DetectedTable,
  loadTableFromSelection,
  loadTableFromSheet,
  saveConfirmedMapping,
  withDropZeroOutput,
  withRole,
} from "../runAnalysis";
import type { PlacedError } from "./usePlacedError";

export interface PaneTable {
  sheets: string[];
  sheet: string;
  loading: boolean;
  detected: DetectedTable | null;
  /** The key under which the current mapping is saved in the workbook; null once edited. */
  savedKey: string | null;
  /** The key of the saved mapping the table was read with, if any. */
  loadedMapping: string | null;
  saving: boolean;
  inspected: InspectReport | null;
  refreshSheets(): void;
  pickSheet(name: string): void;
  readSelection(): void;
  changeRole(axis: Axis, line: Line, role: Role): void;
  changeDropZeroOutput(drop: boolean): void;
  /** Saves the mapping (with the import convention the user chose, null: detected). */
  confirm(importType: ImportType | null): Promise<void>;
}

/** `onAccept` runs in the same update as a newly read table, for the state that follows it
 * (the options' import convention, the analysis run's model name). */
export function usePaneTable(lang: Lang, errors: PlacedError, onAccept: (d: DetectedTable) => void): PaneTable {
  const { setError, fail } = errors;
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState("");
  const [loading, setLoading] = React.useState(false);
  const [detected, setDetected] = React.useState<DetectedTable | null>(null);
  const [savedKey, setSavedKey] = React.useState<string | null>(null);
  const [loadedMapping, setLoadedMapping] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  const refreshSheets = React.useCallback(() => {
    gateway.listSheets().then((list) => setSheets(list.map((x) => x.name)), fail);
  }, []);
  React.useEffect(refreshSheets, [refreshSheets]);

  // The same summary as `ripple inspect`, shown above the role map; its problems stop 実行.
  const inspected = React.useMemo(
    () =>
      detected
        ? inspectTable({ file: detected.grid.sheet, grid: detected.grid, layout: detected.layout, built: { table: detected.table, error: detected.tableError } }, lang)
        : null,
    [detected, lang],
  );

  const accept = (d: DetectedTable) => {
    setDetected(d);
    setSavedKey(d.mappingSource === "saved" ? d.mappingKey : null);
    setLoadedMapping(d.mappingSource === "saved" ? d.mappingKey : null);
    onAccept(d);
  };

  const load = async (from: () => Promise<DetectedTable>) => {
    setError(null);
    setLoading(true);
    try {
      accept(await from());
    } catch (err) {
      setDetected(null);
      fail(err);
    } finally {
      setLoading(false);
    }
  };

  const pickSheet = (name: string) => {
    setSheet(name);
    if (name) void load(() => loadTableFromSheet(name));
  };

  const changeRole = (axis: Axis, line: Line, role: Role) => {
    if (!detected) return;
    setError(null);
    try {
      setDetected(withRole(detected, axis, line, role));
      setSavedKey(null);
    } catch (err) {
      fail(err, "roles");
    }
  };

  // The user's choice to read the table without its zero-output sectors (or to keep them): a
  // mapping edit like a role change, saved when the user confirms the mapping.
  const changeDropZeroOutput = (drop: boolean) => {
    if (!detected) return;
    setError(null);
    try {
      setDetected(withDropZeroOutput(detected, drop));
      setSavedKey(null);
    } catch (err) {
      fail(err);
    }
  };

  const confirm = async (importType: ImportType | null) => {
    if (!detected) return;
    setError(null);
    setSaving(true);
    try {
      setSavedKey(await saveConfirmedMapping(detected, importType));
    } catch (err) {
      fail(err, "roles");
    } finally {
      setSaving(false);
    }
  };

  return {
    sheets,
    sheet,
    loading,
    detected,
    savedKey,
    loadedMapping,
    saving,
    inspected,
    refreshSheets,
    pickSheet,
    readSelection: () => void load(loadTableFromSelection),
    changeRole,
    changeDropZeroOutput,
    confirm,
  };
}
