// CGE: the SAM (the table the analysis tab read, or a SAM sheet), the scenario (the built-in
// magnet scenarios, one of them, none, or a sheet in the CGEシナリオ layout), run in the compute
// worker with progress and 中止, results in new sheets and the headline figures here.

import * as React from "react";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/errors";
import { MARKET_SHEET_NAMES } from "../../engine/market/sheet";
import { percentText } from "../../report/percentFormat";
import type { BuiltinKey, CgeHeadline } from "../../usecases/cgeSheets";
import { runCge, type CgeRunInput, type CgeRunOutcome, type CgeScenarioChoice } from "../cgeFlow";
import type { DetectedTable } from "../runAnalysis";
import { useRun } from "../useRun";
import { FlowRun } from "./FlowRun";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  scenario: { display: "flex", flexDirection: "column", marginTop: tokens.spacingVerticalXS },
});

const BUILTINS: BuiltinKey[] = ["premium", "quota", "subsidy", "productivity"];

export interface CgePanelProps {
  detected: DetectedTable | null;
  sheets: string[];
  onSheetsChanged(): void;
}

/** Choice values: "table" or "sam:NAME"; "all", "b:KEY", "none" or "s:NAME". */
function scenarioOf(v: string): CgeScenarioChoice {
  if (v === "none") return { kind: "none" };
  if (v === "all") return { kind: "builtin", keys: "all" };
  if (v.startsWith("b:")) return { kind: "builtin", keys: [v.slice(2) as BuiltinKey] };
  return { kind: "sheet", sheet: v.slice(2) };
}

export function CgePanel(p: CgePanelProps): React.ReactElement {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "ja" ? "ja" : "en") as Lang;
  const s = useStyles();
  const hasMarket = p.sheets.some((n) => n === MARKET_SHEET_NAMES.params.ja || n.toLowerCase() === MARKET_SHEET_NAMES.params.en.toLowerCase());
  const [source, setSource] = React.useState("table");
  const [scenario, setScenario] = React.useState<string | null>(null);
  const chosenScenario = scenario ?? (hasMarket ? "all" : "none");
  const run = useRun();
  const [outcome, setOutcome] = React.useState<CgeRunOutcome | null>(null);

  const input = (): CgeRunInput | null => {
    const src: CgeRunInput["source"] | null = source === "table" ? (p.detected ? { kind: "table", detected: p.detected } : null) : { kind: "sam", sheet: source.slice(4) };
    return src ? { source: src, scenario: scenarioOf(chosenScenario), lang } : null;
  };
  const onRun = async () => {
    const i = input();
    if (!i) return;
    setOutcome(null);
    const out = await run.start((control) => runCge(i, control));
    if (!out) return;
    setOutcome(out);
    p.onSheetsChanged();
  };
  const blocked = source === "table" && !p.detected ? t("cge.needSam") : null;

  return (
    <section aria-label={t("cge.heading")} className={s.col}>
      <Text size={200} className={s.hint}>{t("cge.intro")}</Text>
      <Field label={t("cge.source")}>
        <Select data-testid="cge-source" value={source} onChange={(_, d) => setSource(d.value)}>
          <option value="table">{p.detected ? t("cge.sourceTable", { sheet: p.detected.grid.sheet }) : t("cge.sourceNoTable")}</option>
          {p.sheets.map((n) => (
            <option key={n} value={`sam:${n}`}>
              {t("cge.sourceSheet", { sheet: n })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("cge.scenario")}>
        <Select data-testid="cge-scenario" value={chosenScenario} onChange={(_, d) => setScenario(d.value)}>
          <option value="all">{t("cge.builtinAll")}</option>
          {BUILTINS.map((k) => (
            <option key={k} value={`b:${k}`}>
              {t(`cge.builtin.${k}`)}
            </option>
          ))}
          <option value="none">{t("cge.none")}</option>
          {p.sheets.map((n) => (
            <option key={n} value={`s:${n}`}>
              {t("cge.sheetScenario", { sheet: n })}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} className={s.hint}>{t("cge.builtinHint")}</Text>
      <FlowRun id="cge" runLabel={t("cge.run")} canRun={!blocked} blockedBy={blocked} state={run} written={outcome?.sheets ?? null} onRun={() => void onRun()}>
        {outcome && <CgeHeadlines headlines={outcome.headlines} sheet={outcome.sheets[0] ?? ""} lang={lang} />}
      </FlowRun>
    </section>
  );
}

/** Per scenario: EV, real GDP, household utility and the magnet good's output and price, as
 * changes from the benchmark — figures of the runner's result. */
export function CgeHeadlines(p: { headlines: CgeHeadline[]; sheet: string; lang: Lang }): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  const loc = p.lang === "ja" ? "ja-JP" : "en-US";
  const num = new Intl.NumberFormat(loc, { maximumFractionDigits: 1 });
  // decimals that follow the change's size: a GDP change of ~1e-6 reads 0.00010%, not 0.000%
  const pct = { format: (x: number) => percentText(x, loc) };
  return (
    <div data-testid="cge-headline">
      <Text block weight="semibold">{t("cge.headline")}</Text>
      {p.headlines.map((h) => (
        <div key={h.scenario} className={s.scenario} data-testid="cge-headline-scenario">
          <Text weight="semibold" size={200}>{h.title}</Text>
          <Text size={200}>
            {t("cge.ev")}: <span data-testid="cge-ev">{num.format(h.ev)}</span>
            {p.lang === "ja" ? `（${t("cge.evUnit")}）` : ` (${t("cge.evUnit")})`}
          </Text>
          <Text size={200}>
            {t("cge.gdp")}: {pct.format(h.gdpChange)} / {t("cge.utility")}: {pct.format(h.utilityChange)}
          </Text>
          {h.magnet && (
            <Text size={200}>
              {t("cge.magnetOutput", { good: h.magnet.good })}: {pct.format(h.magnet.outputChange)} / {t("cge.magnetPrice", { good: h.magnet.good })}: {pct.format(h.magnet.priceChange)}
            </Text>
          )}
        </div>
      ))}
      {p.sheet && <Text size={200} block>{t("cge.sheetNote", { name: p.sheet })}</Text>}
    </div>
  );
}
