// Under the shock: 「需要変化は購入者価格」 — a capex budget is priced as the buyer pays, the model
// takes producer prices. Ticked, the pane asks for the margin rates' range (sector, trade margin
// rate, transport margin rate) and, optionally, the sectors that take the margins when the table
// has no single 商業 / 運輸 sector. A labelled margin sheet with several sets of rates (Aomori's
// 需要合計, 民間消費支出, …) gets a dropdown of the sets found, with no set chosen until the user
// picks one (the run refuses until then). The conversion itself is the job's (usecases/analysis.ts).

import * as React from "react";
import { Checkbox, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

export interface PurchaserPriceFields {
  on: boolean;
  /** The margin rates' range, "シート!A1:C10". */
  margins: string;
  tradeSector: string;
  transportSector: string;
  /** The set of rates of a labelled margin sheet ("" none chosen). */
  marginsColumn: string;
}

export const NO_PURCHASER_PRICES: PurchaserPriceFields = { on: false, margins: "", tradeSector: "", transportSector: "", marginsColumn: "" };

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  two: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
});

export function PurchaserPrices(p: {
  value: PurchaserPriceFields;
  onChange(v: PurchaserPriceFields): void;
  /** The sets of rates found in the margins range (shown as a dropdown when there are several). */
  groups?: string[];
  /** The margins range was typed: look for the sets of rates in it. */
  onMarginsCommit?(): void;
}): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  const v = p.value;
  const groups = p.groups ?? [];
  const set = (patch: Partial<PurchaserPriceFields>) => p.onChange({ ...v, ...patch });
  return (
    <div className={s.col}>
      <Checkbox data-testid="purchaser-prices" checked={v.on} onChange={(_, d) => set({ on: d.checked === true })} label={t("purchaser.toggle")} />
      {v.on && (
        <>
          <Field label={t("purchaser.margins")} hint={t("purchaser.marginsHint")}>
            <Input
              data-testid="purchaser-margins"
              value={v.margins}
              placeholder={t("purchaser.placeholder")}
              onChange={(_, d) => set({ margins: d.value, marginsColumn: "" })}
              onBlur={() => p.onMarginsCommit?.()}
            />
          </Field>
          {groups.length > 1 && (
            <Field label={t("purchaser.column")} hint={t("purchaser.columnHint")}>
              <Select data-testid="purchaser-column" value={v.marginsColumn} onChange={(_, d) => set({ marginsColumn: d.value })}>
                <option value="">{t("purchaser.columnNone")}</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <div className={s.two}>
            <Field label={t("purchaser.tradeSector")}>
              <Input data-testid="purchaser-trade" value={v.tradeSector} placeholder={t("purchaser.byLabel")} onChange={(_, d) => set({ tradeSector: d.value })} />
            </Field>
            <Field label={t("purchaser.transportSector")}>
              <Input data-testid="purchaser-transport" value={v.transportSector} placeholder={t("purchaser.byLabel")} onChange={(_, d) => set({ transportSector: d.value })} />
            </Field>
          </div>
          <Text size={200}>{t("purchaser.rule")}</Text>
        </>
      )}
    </div>
  );
}
