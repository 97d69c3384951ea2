// 支援計画: insert the input templates (project sheet with drop-downs, capex converter with its
// sources, parameters), then evaluate the plans typed into them against the confirmed table and
// write the results (summary first) into new sheets. Every problem of a bad sheet is listed at
// once with its sheet and cell.

import * as React from "react";
import { Checkbox, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import type { ModelOptions } from "../../engine/model/options";
import { PROJECT_SHEETS } from "../../report/projectLabels";
import { unitLabel } from "../../report/labels";
import { insertProjectTemplate, runProjects, type ProjectsRunOutcome } from "../projectsFlow";
import type { DetectedTable } from "../runAnalysis";
import { defaultConverterSectors, sectorLabels } from "../sectors";
import { useRun } from "../useRun";
import { FlowRun } from "./FlowRun";
import { PublicVersion } from "./PublicVersion";
import { CompareAction } from "./CompareAction";
import { SheetSelect, preferSheet } from "./SheetSelect";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // minmax(0, …): a grid column may shrink below its input's default width (320 px panes).
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", alignItems: "end", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
});

export interface ProjectsPanelProps {
  detected: DetectedTable | null;
  sheets: string[];
  /** null while the options have a problem (the analysis tab says which). */
  modelOptions: ModelOptions | null;
  /** The analysis tab's 「合計が合わない表でも計算する」: every job runs on such a table only then,
   * as --allow-imbalance does for every command. */
  allowImbalance?: boolean;
  onSheetsChanged(): void;
}

type ConverterKey = "construction" | "machinery" | "other";

export function ProjectsPanel(p: ProjectsPanelProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const table = p.detected?.table ?? null;
  const labels = React.useMemo(() => (table ? sectorLabels(table) : []), [table]);

  const thisYear = new Date().getFullYear();
  const [firstYear, setFirstYear] = React.useState(String(thisYear));
  const [lastYear, setLastYear] = React.useState(String(thisYear + 4));
  const [withParams, setWithParams] = React.useState(true);
  const [conv, setConv] = React.useState<Record<ConverterKey, string>>({ construction: "", machinery: "", other: "" });
  React.useEffect(() => {
    if (!table) return;
    const d = defaultConverterSectors(table);
    const at = (i: number | null) => (i === null ? "" : labels[i]);
    setConv({ construction: at(d.construction), machinery: at(d.machinery), other: at(d.other) });
  }, [table, labels]);

  const [projectSheet, setProjectSheet] = React.useState("");
  const [converterSheet, setConverterSheet] = React.useState("");
  const [paramsSheet, setParamsSheet] = React.useState("");
  const [splitSheet, setSplitSheet] = React.useState("");
  // Sheets named as the templates name them are chosen until the user picks others.
  React.useEffect(() => {
    setProjectSheet((v) => preferSheet(v, p.sheets, PROJECT_SHEETS.projects));
    setConverterSheet((v) => preferSheet(v, p.sheets, PROJECT_SHEETS.converters));
    setParamsSheet((v) => preferSheet(v, p.sheets, PROJECT_SHEETS.parameters));
    setSplitSheet((v) => preferSheet(v, p.sheets, PROJECT_SHEETS.split));
  }, [p.sheets]);

  const insert = useRun();
  const [inserted, setInserted] = React.useState<string[] | null>(null);
  const run = useRun();
  const [outcome, setOutcome] = React.useState<ProjectsRunOutcome | null>(null);

  const convMissing = (Object.values(conv) as string[]).some((v) => !v);
  const onInsert = async () => {
    setInserted(null);
    const out = await insert.start((control) =>
      insertProjectTemplate(
        {
          lang,
          sectors: labels,
          firstYear: Number(firstYear),
          lastYear: Number(lastYear),
          converterSectors: conv,
          withParameters: withParams,
        },
        control,
      ),
    );
    if (!out) return;
    setInserted(out.sheets);
    setProjectSheet(out.projects);
    setConverterSheet(out.converters);
    if (out.parameters) setParamsSheet(out.parameters);
    p.onSheetsChanged();
  };

  const onRun = async () => {
    if (!p.detected || !p.modelOptions) return;
    setOutcome(null);
    const out = await run.start((control) =>
      runProjects(
        {
          detected: p.detected!,
          projectSheet,
          converterSheet,
          paramsSheet: paramsSheet || null,
          splitSheet: splitSheet || null,
          modelOptions: p.modelOptions!,
          allowImbalance: p.allowImbalance,
          lang,
        },
        control,
      ),
    );
    if (!out) return;
    setOutcome(out);
    p.onSheetsChanged();
  };

  const ev = outcome?.evaluation ?? null;
  const nf = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 1 });
  const blocked = !table ? t("flows.needTable") : !p.modelOptions ? t("flows.fixOptions") : null;

  return (
    <section aria-label={t("projects.heading")} className={s.col}>
      <Text size={200} className={s.hint}>{t("projects.intro")}</Text>
      <Text weight="semibold">{t("projects.templateHeading")}</Text>
      <div className={s.grid}>
        <Field label={t("projects.firstYear")}>
          <Input data-testid="projects-first-year" value={firstYear} onChange={(_, d) => setFirstYear(d.value)} />
        </Field>
        <Field label={t("projects.lastYear")}>
          <Input data-testid="projects-last-year" value={lastYear} onChange={(_, d) => setLastYear(d.value)} />
        </Field>
      </div>
      <Text size={200}>{t("projects.converterSectors")}</Text>
      {(["construction", "machinery", "other"] as const).map((k) => (
        <Field key={k} label={t(`projects.converter.${k}`)}>
          <Select data-testid={`projects-conv-${k}`} value={conv[k]} onChange={(_, d) => setConv((c) => ({ ...c, [k]: d.value }))}>
            <option value="">{t("flows.chooseSector")}</option>
            {labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Checkbox label={t("projects.withParams")} checked={withParams} onChange={(_, d) => setWithParams(!!d.checked)} />
      <FlowRun
        id="projects-template"
        runLabel={t("flows.insertTemplate")}
        canRun={!!table && !convMissing}
        blockedBy={!table ? t("flows.needTable") : convMissing ? t("projects.chooseConverterSectors") : null}
        state={insert}
        written={inserted}
        onRun={() => void onInsert()}
      >
        <div>{t("projects.templateNext")}</div>
      </FlowRun>

      <Text weight="semibold">{t("projects.runHeading")}</Text>
      <SheetSelect label={t("projects.projectSheet")} value={projectSheet} sheets={p.sheets} testId="projects-sheet" onChange={setProjectSheet} />
      <SheetSelect label={t("projects.converterSheet")} value={converterSheet} sheets={p.sheets} testId="projects-converter-sheet" onChange={setConverterSheet} />
      <SheetSelect label={t("projects.paramsSheet")} value={paramsSheet} sheets={p.sheets} optional testId="projects-params-sheet" onChange={setParamsSheet} />
      <SheetSelect label={t("projects.splitSheet")} value={splitSheet} sheets={p.sheets} optional testId="projects-split-sheet" onChange={setSplitSheet} />
      <Text size={200} className={s.hint}>{t("flows.optionsFromAnalysis")}</Text>
      <FlowRun
        id="projects"
        runLabel={t("projects.run")}
        canRun={!blocked && !!projectSheet && !!converterSheet}
        blockedBy={blocked ?? t("projects.chooseSheets")}
        state={run}
        written={outcome?.sheets ?? null}
        onRun={() => void onRun()}
      >
        {ev && (
          <div data-testid="projects-summary">
            <div>
              {t("projects.result", {
                n: ev.projects.length,
                first: ev.years[0],
                last: ev.years[ev.years.length - 1],
                pv: nf.format(ev.pv.valueAdded),
                subsidy: nf.format(ev.pv.subsidy),
                bc: ev.inducedValueAddedPerSubsidy === null ? "—" : ev.inducedValueAddedPerSubsidy.toFixed(2),
                unit: unitLabel(table?.unit ?? null, lang),
              })}
            </div>
            {ev.kpis.map((k) => (
              <div key={k.key} className={k.pass === null ? undefined : k.pass ? s.pass : s.fail}>
                {k.label[lang]}: {k.pass === null ? t("flows.kpiUnknown") : k.pass ? t("flows.kpiPass") : t("flows.kpiFail")} — {k.explanation[lang]}
              </div>
            ))}
          </div>
        )}
        {outcome?.recordSkipped && (
          <Text block size={200} data-testid="projects-record-skipped" role="status">
            {outcome.recordSkipped[lang]}
          </Text>
        )}
        {outcome?.publicSpec && <PublicVersion id="projects" spec={outcome.publicSpec} base={t("publicVersion.projectsBase")} />}
      </FlowRun>
      <CompareAction />
    </section>
  );
}
