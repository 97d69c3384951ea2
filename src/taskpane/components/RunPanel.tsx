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
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { RunProgress } from "../runAnalysis";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pre: { whiteSpace: "pre-wrap" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface RunPanelProps {
  canRun: boolean;
  running: boolean;
  progress: RunProgress | null;
  /** Sheets written by the last successful run. */
  written: string[] | null;
  cancelled: boolean;
  modelName: string;
  /** The name the last successful run registered, if any. */
  registeredAs: string | null;
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
      {p.running && p.progress && (
        <div data-testid="progress">
          <ProgressBar value={p.progress.fraction} thickness="large" />
          <Text size={200}>{t(`run.stage.${p.progress.stage}`)}</Text>
        </div>
      )}
      {p.cancelled && !p.running && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("run.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {p.written && !p.running && (
        <MessageBar intent="success" data-testid="run-done">
          <MessageBarBody>
            <MessageBarTitle>{t("run.done")}</MessageBarTitle>
            <span data-testid="written-sheets">{p.written.join(" / ")}</span>
            {p.registeredAs && <div>{t("run.registered", { name: p.registeredAs })}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
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

export function ErrorBar(props: { message: string; problems?: string[]; action?: ErrorAction; onDismiss(): void }): React.ReactElement {
  const s = useStyles();
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" data-testid="error" layout="multiline">
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
