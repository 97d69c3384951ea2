// Step 3: model options with their defaults and sources visible: import convention, 消費転換係数,
// income base, Type II, per-sector self-sufficiency (自給率) overrides.

import * as React from "react";
import {
  Checkbox,
  Field,
  Input,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { ImportType } from "../../engine/table/types";
import {
  DEFAULT_CONSUMPTION_RATE,
  DEFAULT_CONSUMPTION_RATE_SOURCE,
  type IncomeBase,
} from "../../engine/model/options";
import { optionProblems, type PaneOptions } from "../paneOptions";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { maxHeight: "220px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  ssRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto 80px",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  share: { width: "80px", minWidth: "0" },
  hint: { color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface OptionsPanelProps {
  options: PaneOptions;
  detectedImportType: ImportType | null;
  sectors: string[];
  /** 1 − m_i from the table (competitive tables), shown next to each override; null if unknown. */
  tableSelfSufficiency: number[] | null;
  onChange(next: PaneOptions): void;
}

/** Memoised: with a large table it renders a field per sector, and the pane re-renders when a run
 * starts and ends; it changes only with its own props (and the language, through its hook). */
export const OptionsPanel = React.memo(function OptionsPanel(p: OptionsPanelProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const s = useStyles();
  const o = p.options;
  const problems = optionProblems(o);
  const set = (patch: Partial<PaneOptions>) => p.onChange({ ...o, ...patch });
  const typeName = (k: ImportType) => t(`options.${k}`);
  return (
    <section aria-label={t("options.heading")} className={s.col}>
      <Field label={t("options.importType")}>
        <Select
          data-testid="opt-import"
          value={o.importType}
          onChange={(_, d) => set({ importType: d.value as PaneOptions["importType"] })}
        >
          <option value="detected">
            {t("options.importDetected", { type: p.detectedImportType ? typeName(p.detectedImportType) : "—" })}
          </option>
          <option value="competitive">{typeName("competitive")}</option>
          <option value="domestic">{typeName("domestic")}</option>
        </Select>
      </Field>
      <Field
        label={t("options.consumptionRate")}
        validationState={problems.consumptionRate ? "error" : "none"}
        validationMessage={problems.consumptionRate ? t("options.invalidNumber") : undefined}
        hint={`${t("options.defaultValue", { value: DEFAULT_CONSUMPTION_RATE })} — ${t("options.source", {
          source: DEFAULT_CONSUMPTION_RATE_SOURCE[lang],
        })}`}
      >
        <Input
          data-testid="opt-consumption"
          value={o.consumptionRate}
          onChange={(_, d) => set({ consumptionRate: d.value })}
        />
      </Field>
      <Field label={t("options.incomeBase")}>
        <Select value={o.incomeBase} onChange={(_, d) => set({ incomeBase: d.value as IncomeBase })}>
          <option value="compensation">{t("options.incomeCompensation")}</option>
          <option value="compensation+surplus">{t("options.incomeCompensationSurplus")}</option>
        </Select>
      </Field>
      <Switch checked={o.typeII} onChange={(_, d) => set({ typeII: d.checked })} label={t("options.typeII")} />
      <Checkbox
        data-testid="opt-allow-imbalance"
        checked={o.allowImbalance}
        onChange={(_, d) => set({ allowImbalance: d.checked === true })}
        label={t("options.allowImbalance")}
      />
      {p.sectors.length > 0 && (
        <Field label={t("options.selfSufficiency")}>
          <div className={s.scroll} data-testid="opt-self-sufficiency">
            {p.sectors.map((name, i) => {
              const bad = problems.selfSufficiency.includes(i);
              const fromTable = p.tableSelfSufficiency?.[i];
              return (
                <div key={i} className={s.ssRow}>
                  <Text size={200}>{name}</Text>
                  <Text size={100} className={bad ? s.bad : s.hint}>
                    {bad
                      ? t("options.invalidNumber")
                      : fromTable !== undefined
                        ? t("options.selfSufficiencyFromTable", { value: fromTable.toFixed(4) })
                        : ""}
                  </Text>
                  <Input
                    size="small"
                    className={s.share}
                    aria-label={`${t("options.selfSufficiency")} ${name}`}
                    aria-invalid={bad}
                    value={o.selfSufficiency[i] ?? ""}
                    onChange={(_, d) => set({ selfSufficiency: { ...o.selfSufficiency, [i]: d.value } })}
                  />
                </div>
              );
            })}
          </div>
        </Field>
      )}
    </section>
  );
});
