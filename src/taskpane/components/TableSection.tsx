// Steps 1–2 at the top of the pane, above the tabs since every analysis uses them: the table's
// error bar, the table picker, the check summary and the role map. A fragment, not a box, so its
// parts keep the pane's own spacing.

import * as React from "react";
import { Divider, Subtitle2 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { PaneTable } from "../hooks/usePaneTable";
import type { PlacedError } from "../hooks/usePlacedError";
import { isZeroOutputError } from "../runAnalysis";
import { errorParts } from "../useRun";
import { CheckSummary } from "./CheckSummary";
import { RoleMap } from "./RoleMap";
import { ErrorBar } from "./RunPanel";
import { TablePicker } from "./TablePicker";

export interface TableSectionProps {
  table: PaneTable;
  errors: PlacedError;
  lang: Lang;
  allowImbalance: boolean;
  onConfirm(): void;
}

export function TableSection({ table, errors, lang, allowImbalance, onConfirm }: TableSectionProps): React.ReactElement {
  const { t } = useTranslation();
  const { detected, inspected } = table;
  const { error, setError } = errors;
  const parts = (err: unknown) => errorParts(err, lang, (message) => t("errors.unexpected", { message }));
  const shownError = (error?.at === "table" ? error.err : null) ?? detected?.tableError ?? null;
  // Only the table's own zero-output error offers reading it without those sectors.
  const errorAction =
    detected && shownError === detected.tableError && isZeroOutputError(shownError) && !detected.layout.dropZeroOutput
      ? { label: t("table.readWithoutZeroOutput"), testId: "error-drop-zero", onClick: () => table.changeDropZeroOutput(true) }
      : undefined;

  return (
    <>
      {shownError !== null && <ErrorBar {...parts(shownError)} action={errorAction} onDismiss={() => setError(null)} />}

      <Subtitle2 as="h2">{t("table.heading")}</Subtitle2>
      <TablePicker
        sheets={table.sheets}
        sheet={table.sheet}
        loading={table.loading}
        detected={detected}
        savedMappingKey={table.loadedMapping}
        onPickSheet={table.pickSheet}
        onUseSelection={table.readSelection}
        onDropZeroOutputChange={table.changeDropZeroOutput}
      />

      {detected && (
        <>
          <Divider />
          {inspected && <CheckSummary report={inspected} lang={lang} allowImbalance={allowImbalance} />}
          <Subtitle2 as="h2">{t("roles.heading")}</Subtitle2>
          <RoleMap
            layout={detected.layout}
            edited={detected.mappingSource === "edited" && table.savedKey === null}
            savedKey={table.savedKey}
            saving={table.saving}
            onChangeRole={table.changeRole}
            onConfirm={onConfirm}
          />
          {error?.at === "roles" && <ErrorBar {...parts(error.err)} testId="roles-error" onDismiss={() => setError(null)} />}
        </>
      )}
    </>
  );
}
