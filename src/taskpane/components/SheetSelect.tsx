// A drop-down of the workbook's sheets (optionally with "none"), for the flows' input sheets.

import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

export interface SheetSelectProps {
  label: string;
  value: string;
  sheets: string[];
  /** Offer "(none)" as the empty choice instead of "choose a sheet". */
  optional?: boolean;
  testId: string;
  onChange(sheet: string): void;
}

export function SheetSelect(p: SheetSelectProps): React.ReactElement {
  const { t } = useTranslation();
  return (
    <Field label={p.label}>
      <Select data-testid={p.testId} value={p.value} onChange={(_, d) => p.onChange(d.value)}>
        <option value="">{p.optional ? t("flows.none") : t("table.chooseSheet")}</option>
        {p.sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The sheet named `name` (either language's name) when there is one and nothing is chosen. */
export function preferSheet(current: string, sheets: string[], names: { ja: string; en: string }): string {
  if (current && sheets.includes(current)) return current;
  return sheets.find((s) => s === names.ja || s.toLowerCase() === names.en.toLowerCase()) ?? "";
}
