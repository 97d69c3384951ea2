// Run and cancel buttons, the progress bar, the sheets written and the error of one flow of the
// pane (plans, market, disruption), shown next to the flow's own inputs.

import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import { errorParts, type RunState } from "../useRun";
import { ProgressView } from "./ProgressView";
import { ErrorBar } from "./RunPanel";
import * as gateway from "../../workbook/office/gateway";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface FlowRunProps {
  /** Prefix of the test ids: `${id}-run`, `${id}-cancel`, `${id}-progress`, `${id}-done`, `${id}-written`. */
  id: string;
  runLabel: string;
  canRun: boolean;
  /** Why the run is not possible yet (shown under the button). */
  blockedBy?: string | null;
  state: RunState;
  written: string[] | null;
  onRun(): void;
  /** Shown in the success bar under the sheet names (e.g. the KPI verdict). */
  children?: React.ReactNode;
}

export function FlowRun(p: FlowRunProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const st = p.state;
  return (
    <div className={s.col}>
      <div className={s.row}>
        <Button appearance="primary" data-testid={`${p.id}-run`} onClick={p.onRun} disabled={!p.canRun || st.running}>
          {p.runLabel}
        </Button>
        <Button data-testid={`${p.id}-cancel`} onClick={st.cancel} disabled={!st.running}>
          {t("run.cancel")}
        </Button>
      </div>
      {!p.canRun && p.blockedBy && <Text size={200}>{p.blockedBy}</Text>}
      {st.running && <ProgressView store={st.progress} testId={`${p.id}-progress`} stageTestId={`${p.id}-stage`} />}
      {st.cancelled && !st.running && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("run.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {st.error !== null && !st.running && (
        <ErrorBar {...errorParts(st.error, lang, (message) => t("errors.unexpected", { message }))} onDismiss={() => st.setError(null)} />
      )}
      {p.written && !st.running && st.error === null && (
        <MessageBar intent="success" data-testid={`${p.id}-done`} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("run.done")}</MessageBarTitle>
            <span data-testid={`${p.id}-written`}>{p.written.join(" / ")}</span>
            {p.children}
            {p.written.length > 0 && (
              <div>
                <Button
                  size="small"
                  data-testid={`${p.id}-open-results`}
                  onClick={() => void gateway.activateSheet(p.written![0]).catch((err) => st.setError(err))}
                >
                  {t("run.openSheet", { name: p.written[0] })}
                </Button>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
