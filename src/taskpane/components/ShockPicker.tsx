// Step 4: the shock, a two-column range (sector label, final-demand change) typed as an address
// or taken from the selection, with a preview of the sectors it matched.

import * as React from "react";
import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ShockPreview } from "../runAnalysis";
import type { Lang } from "../../engine/errors";
import { unitLabel } from "../../report/labels";

const useStyles = makeStyles({
  // At a task pane's 320–400 px the buttons wrap below the field instead of pushing past the edge.
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  // The field takes the line when it can; the buttons keep their label on one line.
  grow: { flexGrow: 1, flexShrink: 1, flexBasis: "180px", minWidth: 0 },
  button: { whiteSpace: "nowrap", flexShrink: 0 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

export interface ShockPickerProps {
  address: string;
  loading: boolean;
  preview: ShockPreview | null;
  /** The table's unit (e.g. 百万円), shown with the amounts; null when the table states none. */
  unit: string | null;
  formatNumber(v: number): string;
  onAddressChange(address: string): void;
  onRead(): void;
  onUseSelection(): void;
}

export function ShockPicker(p: ShockPickerProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  // The table's unit in the pane's language (百万円 / million yen), as on the results sheets.
  const unit = unitLabel(p.unit, (i18n.language === "ja" ? "ja" : "en") as Lang);
  return (
    <section aria-label={t("shock.heading")}>
      <div className={s.row}>
        <Field label={t("shock.range")} className={s.grow}>
          <Input
            data-testid="shock-address"
            value={p.address}
            placeholder={t("shock.placeholder")}
            onChange={(_, d) => p.onAddressChange(d.value)}
            onKeyDown={(e) => e.key === "Enter" && p.onRead()}
          />
        </Field>
        <Button className={s.button} data-testid="shock-read" onClick={p.onRead} disabled={p.loading || !p.address.trim()}>
          {t("shock.read")}
        </Button>
        <Button className={s.button} data-testid="shock-selection" onClick={p.onUseSelection} disabled={p.loading}>
          {t("shock.useSelection")}
        </Button>
      </div>
      {!p.preview && <Text size={200}>{t("shock.none")}</Text>}
      {p.preview && (
        <>
          <Text size={200} data-testid="shock-summary">
            {p.preview.source} — {t("shock.matched", { n: p.preview.entries.length, total: p.formatNumber(p.preview.total), unit })}
          </Text>
          <Table size="extra-small" data-testid="shock-preview">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("shock.sector")}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{t("shock.value", { unit })}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.preview.entries.map((e) => (
                <TableRow key={e.sector}>
                  <TableCell>{e.label}</TableCell>
                  <TableCell className={s.num}>{p.formatNumber(e.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
