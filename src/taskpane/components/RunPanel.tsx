// Step 5: run with a progress bar and a cancel button; on success the new sheet names, on
// failure the error in the user's language with its sheet and cell.

import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ProgressStore } from "../progressStore";
import { ProgressView } from "./ProgressView";
import type { AnalysisHeadline } from "../headline";
import type { Lang } from "../../engine/errors";
import { unitLabel } from "../../report/labels";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pre: { whiteSpace: "pre-wrap" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  figures: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalXS} 0` },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold, margin: 0 },
  term: { margin: 0 },
});

export interface RunPanelProps {
  canRun: boolean;
  running: boolean;
  /** The running run's progress (only the bar subscribes to it). */
  progress: ProgressStore;
  /** Sheets written by the last successful run. */
  written: string[] | null;
  cancelled: boolean;
  modelName: string;
  /** The name the last successful run registered, if any. */
  registeredAs: string | null;
  /** Totals of the last run (null: no shock, only indicators were written). */
  headline: AnalysisHeadline | null;
  /** The table's unit (百万円 …), for the money figures. */
  unit: string | null;
  formatNumber(v: number): string;
  /** The run's error, shown under the run button. */
  error: { message: string; problems?: string[] } | null;
  onDismissError(): void;
  /** Shows a results sheet in Excel. */
  onOpenSheet(name: string): void;
  onModelNameChange(name: string): void;
  onRun(): void;
  onCancel(): void;
}

export function RunPanel(p: RunPanelProps): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  return (
    <section aria-label={t("run.heading")} className={s.col}>
      <Field label={t("run.modelName")}>
        <Input data-testid="model-name" value={p.modelName} onChange={(_, d) => p.onModelNameChange(d.value)} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" data-testid="run" onClick={p.onRun} disabled={!p.canRun || p.running}>
          {t("run.run")}
        </Button>
        <Button data-testid="cancel" onClick={p.onCancel} disabled={!p.running}>
          {t("run.cancel")}
        </Button>
      </div>
      {p.running && <ProgressView store={p.progress} testId="progress" stageTestId="progress-stage" />}
      {p.cancelled && !p.running && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("run.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {p.error && !p.running && <ErrorBar {...p.error} testId="run-error" onDismiss={p.onDismissError} />}
      {p.written && !p.running && (
        <MessageBar intent="success" data-testid="run-done" layout="multiline">
          <MessageBarBody>
            <Headline headline={p.headline} unit={p.unit} formatNumber={p.formatNumber} />
            <MessageBarTitle>{t("run.done")}</MessageBarTitle>
            <span data-testid="written-sheets">{p.written.join(" / ")}</span>
            {p.registeredAs && <div>{t("run.registered", { name: p.registeredAs })}</div>}
            {p.written.length > 0 && (
              <div>
                <Button size="small" appearance="secondary" data-testid="open-results" onClick={() => p.onOpenSheet(p.written![0])}>
                  {t("run.openSheet", { name: p.written[0] })}
                </Button>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** The run's answer in the pane: 総合効果, its parts and the 波及倍率 (the 集計 sheet's sums). */
function Headline(p: { headline: AnalysisHeadline | null; unit: string | null; formatNumber(v: number): string }): React.ReactElement {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const unit = unitLabel(p.unit, (i18n.language === "ja" ? "ja" : "en") as Lang);
  const h = p.headline;
  if (!h) return <Text block data-testid="headline-none">{t("run.noShock")}</Text>;
  const money = (v: number) => `${p.formatNumber(v)} ${unit}`;
  const rows: [string, string, string][] = [
    ["total-output", t("run.totalOutput"), money(h.totalOutput)],
    ["direct", t("run.direct"), money(h.direct)],
    ["value-added", t("run.totalValueAdded"), money(h.totalValueAdded)],
    ["compensation", t("run.totalCompensation"), money(h.totalCompensation)],
    ...(h.totalEmployment !== null ? [["employment", t("run.totalEmployment"), `${p.formatNumber(h.totalEmployment)} ${t("run.persons")}`] as [string, string, string]] : []),
    ["multiple", t("run.multiple"), h.multiple.toFixed(3)],
  ];
  return (
    <div data-testid="headline">
      <MessageBarTitle>{t("run.headline")}</MessageBarTitle>
      <dl className={s.figures}>
        {rows.map(([id, label, value]) => (
          <React.Fragment key={id}>
            <dt className={s.term}>{label}</dt>
            <dd className={s.num} data-testid={`headline-${id}`}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  );
}

/** An error in the user's language, with the sheet and cell it names (RippleError.format);
 * several problems found at once (RippleErrorList) as one list, each with its sheet and cell. */
/** A way out the error bar offers next to the message, e.g. reading the table without the
 * zero-output sectors. */
export interface ErrorAction {
  label: string;
  testId: string;
  onClick(): void;
}

export function ErrorBar(props: { message: string; problems?: string[]; action?: ErrorAction; testId?: string; onDismiss(): void }): React.ReactElement {
  const s = useStyles();
  const { t } = useTranslation();
  // role="alert": a screen reader announces the message when it appears.
  return (
    <MessageBar intent="error" data-testid={props.testId ?? "error"} layout="multiline" role="alert">
      <MessageBarBody className={s.pre}>
        {props.problems && props.problems.length > 0 ? (
          <>
            <MessageBarTitle>{props.message}</MessageBarTitle>
            <ul className={s.list} data-testid="problem-list">
              {props.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </>
        ) : (
          props.message
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button size="small" appearance="transparent" onClick={props.onDismiss}>
            {t("app.dismiss")}
          </Button>
        }
      >
        {props.action && (
          <Button size="small" data-testid={props.action.testId} onClick={props.action.onClick}>
            {props.action.label}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
