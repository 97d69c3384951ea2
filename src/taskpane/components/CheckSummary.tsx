// Above the role map: what the reader recognised, as `ripple inspect` prints it (the same report,
// from usecases/inspect.ts). One line at a pane's width — 「要確認 n 件 / 問題 m 件」 — with the
// blocking problems always shown under it (they stop 実行), and the rest folded: the import
// convention and why, the derived lines and why, the lines by role, each check.

import * as React from "react";
import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { ImportType } from "../../engine/table/types";
import type { InspectReport } from "../../report/inspect";
import { IMPORT_TYPES } from "../../report/labels";

const useStyles = makeStyles({
  summary: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  details: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  marks: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: 0, listStyleType: "none" },
  address: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

export interface CheckSummaryProps {
  report: InspectReport;
  lang: Lang;
  /** The options' allow-imbalance checkbox is ticked. */
  allowImbalance: boolean;
}

/** The run is blocked by the table: a problem the checkbox does not cover, or any problem
 * while it is not ticked. */
export function tableBlocksRun(report: InspectReport | null, allowImbalance: boolean): boolean {
  if (!report || report.problems.length === 0) return false;
  return !(allowImbalance && report.imbalanceOnly);
}

export function CheckSummary(p: CheckSummaryProps): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  const r = p.report;
  const lang = p.lang;
  const [open, setOpen] = React.useState(false);
  const detailsId = React.useId();
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([role, n]) => `${t(`roleName.${role}`)} ${n}`)
      .join(lang === "ja" ? "、" : ", ");
  return (
    <section aria-label={t("tableChecks.heading")} data-testid="checks">
      <div className={s.summary}>
        <Text weight="semibold">{t("tableChecks.heading")}</Text>
        <Badge appearance="tint" color={r.problems.length ? "danger" : r.review.length ? "warning" : "success"} data-testid="checks-summary">
          {t("tableChecks.summary", { review: r.review.length, problems: r.problems.length })}
        </Badge>
        <Button size="small" data-testid="checks-toggle" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
          {open ? t("tableChecks.hide") : t("tableChecks.show")}
        </Button>
      </div>
      {r.problems.length > 0 && (
        <MessageBar intent={p.allowImbalance && r.imbalanceOnly ? "warning" : "error"} layout="multiline" data-testid="checks-problems">
          <MessageBarBody>
            <MessageBarTitle>{t("tableChecks.problems")}</MessageBarTitle>
            <ul className={s.list}>
              {r.problems.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
            {p.allowImbalance && r.imbalanceOnly && <Text size={200}>{t("tableChecks.allowed")}</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      <div id={detailsId} hidden={!open} className={s.details} data-testid="checks-details">
        {open && (
          <>
            <Text size={200}>
              {t("tableChecks.importType")}: {IMPORT_TYPES[r.importType.type as ImportType]?.[lang] ?? r.importType.type} — {r.importType.reason}
            </Text>
            {r.derived.length > 0 && (
              <div>
                <Text size={200} weight="semibold">{t("tableChecks.derived")}</Text>
                <ul className={s.list}>
                  {r.derived.map((l) => (
                    <li key={l.address}>
                      <span className={s.address}>{l.address}</span> {l.name}: {l.derived}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <Text size={200}>
              {t("tableChecks.counts")} — {t("tableChecks.rows")}: {counts(r.counts.rows)}; {t("tableChecks.cols")}: {counts(r.counts.cols)}
            </Text>
            <div>
              <Text size={200} weight="semibold">{t("tableChecks.checks")}</Text>
              <ul className={s.marks} data-testid="checks-list">
                {r.checks.map((c) => (
                  <li key={c.id}>
                    {c.skipped ? "–" : c.ok ? "✓" : "✗"} {c.rule}
                    {c.skipped ? `（${t("tableChecks.skipped")}）` : ""}
                  </li>
                ))}
              </ul>
            </div>
            {r.review.length > 0 && (
              <div>
                <Text size={200} weight="semibold">{t("tableChecks.review")}</Text>
                <ul className={s.list}>
                  {r.review.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
