// The progress bar and the stage label of a run (analysis tab and every flow), the only parts of
// the pane that re-render on each progress report (progressStore.ts says why).

import * as React from "react";
import { ProgressBar, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { progressText } from "../progress";
import { useProgress, type ProgressStore } from "../progressStore";

export function ProgressView(p: { store: ProgressStore; testId: string; stageTestId: string }): React.ReactElement | null {
  const { t, i18n } = useTranslation();
  const progress = useProgress(p.store);
  if (!progress) return null;
  return (
    <div data-testid={p.testId}>
      <ProgressBar value={progress.fraction} thickness="large" />
      <Text size={200} data-testid={p.stageTestId} aria-live="polite">
        {progressText(t, progress, i18n.language === "ja" ? "ja" : "en")}
      </Text>
    </div>
  );
}
