// Under the shock: 「需要変化は購入者価格」 — a capex budget is priced as the buyer pays, the model
// takes producer prices. Ticked, the pane asks for the margin rates' range (sector, trade margin
// rate, transport margin rate) and, optionally, the sectors that take the margins when the table
// has no single 商業 / 運輸 sector. The conversion itself is the job's (usecases/analysis.ts).

import * as React from "react";
import { Checkbox, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

export interface PurchaserPriceFields {
  on: boolean;
  /** The margin rates' range, "シート!A1:C10". */
  margins: string;
  tradeSector: string;
  transportSector: string;
}

export const NO_PURCHASER_PRICES: PurchaserPriceFields = { on: false, margins: "", tradeSector: "", transportSector: "" };

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  two: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
});

export function PurchaserPrices(p: { value: PurchaserPriceFields; onChange(v: PurchaserPriceFields): void }): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  const v = p.value;
  const set = (patch: Partial<PurchaserPriceFields>) => p.onChange({ ...v, ...patch });
  return (
    <div className={s.col}>
      <Checkbox data-testid="purchaser-prices" checked={v.on} onChange={(_, d) => set({ on: d.checked === true })} label={t("purchaser.toggle")} />
      {v.on && (
        <>
          <Field label={t("purchaser.margins")} hint={t("purchaser.marginsHint")}>
            <Input data-testid="purchaser-margins" value={v.margins} placeholder={t("purchaser.placeholder")} onChange={(_, d) => set({ margins: d.value })} />
          </Field>
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
