// 供給途絶: a small form (sector, import cut, months, recovery, optional price shock, the
// disrupted good's imports) prefilled from the example spec with its sources, run on the confirmed
// table; the limits of each method are shown here, not only in the results' method sheet.

import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { ModelOptions } from "../../engine/model/options";
import {
  EXAMPLE_FILE,
  EXAMPLE_NOTES,
  disruptionMethodNotes,
  exampleDisruptionForm,
  formProblems,
  runDisruption,
  type DisruptionForm,
  type DisruptionRunOutcome,
  type FormField,
} from "../disruptionFlow";
import type { DetectedTable } from "../runAnalysis";
import { sectorLabels } from "../sectors";
import { useRun } from "../useRun";
import { FlowRun } from "./FlowRun";
import { D } from "../../report/disruptionLabels";
import { unitLabel } from "../../report/labels";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // minmax(0, …): a grid column may shrink below its input's default width (320 px panes).
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", alignItems: "end", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  note: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
});

export interface DisruptionPanelProps {
  detected: DetectedTable | null;
  modelOptions: ModelOptions | null;
  /** The analysis tab's 「合計が合わない表でも計算する」: every job runs on such a table only then,
   * as --allow-imbalance does for every command. */
  allowImbalance?: boolean;
  onSheetsChanged(): void;
}

const NUMBER_FIELDS: FormField[] = ["importCutPct", "months", "recoveryMonths", "priceShockPct", "importQuantity", "unitValue"];

export function DisruptionPanel(p: DisruptionPanelProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const table = p.detected?.table ?? null;
  const labels = React.useMemo(() => (table ? sectorLabels(table) : []), [table]);
  const [form, setForm] = React.useState<DisruptionForm>(() => exampleDisruptionForm(table));
  // A new table: the example's values again, with its sector label for the example's sector.
  React.useEffect(() => setForm(exampleDisruptionForm(table)), [table]);
  const set = (f: FormField) => (_: unknown, d: { value: string }) => setForm((x) => ({ ...x, [f]: d.value }));
  const bad = formProblems(form);

  const run = useRun();
  const [outcome, setOutcome] = React.useState<DisruptionRunOutcome | null>(null);
  const onRun = async () => {
    if (!p.detected || !p.modelOptions) return;
    setOutcome(null);
    const out = await run.start((control) => runDisruption({ detected: p.detected!, form, modelOptions: p.modelOptions!, allowImbalance: p.allowImbalance, lang }, control));
    if (!out) return;
    setOutcome(out);
    p.onSheetsChanged();
  };
  const blocked = !table ? t("flows.needTable") : !p.modelOptions ? t("flows.fixOptions") : null;
  const notes = disruptionMethodNotes(outcome?.spec);

  return (
    <section aria-label={t("disruption.heading")} className={s.col}>
      <Text size={200} className={s.hint}>{t("disruption.intro", { file: EXAMPLE_FILE })}</Text>
      <Field label={t("disruption.sector")}>
        <Select data-testid="disruption-sector" value={form.sector} onChange={set("sector")} disabled={!table}>
          {!labels.includes(form.sector) && <option value={form.sector}>{form.sector}</option>}
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.grid}>
        {NUMBER_FIELDS.map((f) => (
          <Field key={f} label={t(`disruption.field.${f}`)} validationState={bad.includes(f) ? "error" : "none"} validationMessage={bad.includes(f) ? t("disruption.notNumber") : undefined}>
            <Input data-testid={`disruption-${f}`} value={form[f]} onChange={set(f)} />
          </Field>
        ))}
      </div>
      <Text size={200} className={s.hint}>{t("disruption.importsHint")}</Text>
      <Text size={200} className={s.hint}>{t("flows.optionsFromAnalysis")}</Text>
      <FlowRun id="disruption" runLabel={t("disruption.run")} canRun={!blocked && bad.length === 0} blockedBy={blocked} state={run} written={outcome?.sheets ?? null} onRun={() => void onRun()}>
        {outcome && <LossHeadline outcome={outcome} lang={lang} />}
      </FlowRun>
      <Accordion collapsible multiple defaultOpenItems={["limits"]}>
        <AccordionItem value="limits">
          <AccordionHeader size="small">{t("disruption.limits")}</AccordionHeader>
          <AccordionPanel>
            <div data-testid="disruption-limits">
              {notes.map((n) => (
                <div key={n.title.en} className={s.note}>
                  <Text weight="semibold" size={200}>{n.title[lang]}</Text>
                  <Text size={200}>{n.limits[lang]}</Text>
                </div>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="sources">
          <AccordionHeader size="small">{t("disruption.sources")}</AccordionHeader>
          <AccordionPanel>
            {EXAMPLE_NOTES.map((n, i) => (
              <Text key={i} size={200} block className={s.note}>
                {n}
              </Text>
            ))}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

/** The run's answer in the pane: the loss (動学モデル, as the results sheet's headline) and the
 * static model's loss for reference, in the table's unit — figures of the engine's result. */
function LossHeadline(p: { outcome: DisruptionRunOutcome; lang: Lang }): React.ReactElement {
  const r = p.outcome.result;
  const nf = new Intl.NumberFormat(p.lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 1 });
  const unit = unitLabel(r.unit, p.lang);
  const money = (v: number | null) => (v === null ? "—" : `${nf.format(v)} ${unit}`);
  return (
    <div data-testid="disruption-headline">
      <Text block weight="semibold">
        {D.totalLoss[p.lang]}: <span data-testid="disruption-loss">{money(r.dynamic.totalLoss)}</span>
      </Text>
      <Text block size={200}>
        {D.staticLoss[p.lang]}: {money(r.static.totalLossOverCut)}
      </Text>
    </div>
  );
}
