// Step 1: choose the input-output table (a sheet's used range or the selection) and show what
// was recognised: sectors, block, unit, import convention with its reason.

import * as React from "react";
import { Button, Checkbox, Field, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import { warningText } from "../../engine/errors";
import { droppedSectorsWarning, type DetectedTable } from "../runAnalysis";
import { IMPORT_TYPES, unitLabel } from "../../report/labels";

const useStyles = makeStyles({
  // At a task pane's 320–400 px the buttons wrap below the field instead of pushing past the edge.
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  // The field takes the line when it can; the buttons keep their label on one line.
  grow: { flexGrow: 1, flexShrink: 1, flexBasis: "180px", minWidth: 0 },
  button: { whiteSpace: "nowrap", flexShrink: 0 },
  facts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalS },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface TablePickerProps {
  sheets: string[];
  sheet: string;
  loading: boolean;
  detected: DetectedTable | null;
  /** Key of the saved mapping the table was read with, if it was. */
  savedMappingKey: string | null;
  onPickSheet(sheet: string): void;
  onUseSelection(): void;
  /** The user's choice to read the table without the sectors whose output is zero or negative. */
  onDropZeroOutputChange(drop: boolean): void;
}

export function TablePicker(p: TablePickerProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const s = useStyles();
  const d = p.detected;
  // The sectors the user chose to leave out are named apart from the other warnings; the count
  // above is the table's (without them), the block the one recognised.
  const dropped = droppedSectorsWarning(d?.table ?? null);
  return (
    <section aria-label={t("table.heading")}>
      <div className={s.row}>
        <Field label={t("table.sheet")} className={s.grow}>
          <Select
            data-testid="table-sheet"
            value={p.sheet}
            onChange={(_, data) => p.onPickSheet(data.value)}
          >
            <option value="">{t("table.chooseSheet")}</option>
            {p.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Button className={s.button} data-testid="table-selection" onClick={p.onUseSelection} disabled={p.loading}>
          {t("table.useSelection")}
        </Button>
        <Button className={s.button} data-testid="table-reload" onClick={() => p.sheet && p.onPickSheet(p.sheet)} disabled={p.loading || !p.sheet}>
          {t("table.reload")}
        </Button>
      </div>
      {p.loading && <Spinner size="tiny" label={t("table.loading")} />}
      {!d && !p.loading && <Text size={200}>{t("table.none")}</Text>}
      {d && (
        <div className={s.facts} data-testid="table-facts">
          <Text weight="semibold">
            {d.layout.title ? `${d.layout.title} — ` : ""}
            {t("table.detected", { n: d.table?.sectors.length ?? d.layout.rows.filter((r) => r.role === "sector").length, block: `${d.grid.sheet}!${d.layout.sectorBlock}` })}
          </Text>
          <Text size={200}>{d.layout.unit ? t("table.unit", { unit: unitLabel(d.layout.unit, lang) }) : t("table.unitUnknown")}</Text>
          <Text size={200}>{t("table.importType", { type: IMPORT_TYPES[d.layout.importType][lang] })}</Text>
          <Text size={200}>{t("table.reason", { reason: d.layout.importTypeReason[lang] })}</Text>
          {p.savedMappingKey && <Text size={200}>{t("table.mappingLoaded", { key: p.savedMappingKey })}</Text>}
          {dropped && (
            <Text size={200} weight="semibold" className={s.warn} data-testid="table-dropped">
              {t("table.dropped")}: {warningText(dropped, lang)}
            </Text>
          )}
          {(d.table?.warnings ?? [])
            .filter((w) => w !== dropped)
            .map((w, i) => (
              <Text key={i} size={200} className={s.warn}>
                {t("table.warnings")}: {warningText(w, lang)}
              </Text>
            ))}
        </div>
      )}
      {d && (
        <Checkbox
          data-testid="table-drop-zero"
          label={t("table.dropZeroOutput")}
          checked={!!d.layout.dropZeroOutput}
          disabled={p.loading}
          onChange={(_, data) => p.onDropZeroOutputChange(!!data.checked)}
        />
      )}
    </section>
  );
}
