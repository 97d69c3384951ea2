// The judgement parameters of the economic-security evaluation (RESILIENCE.md 1–4), each with a
// default, a low/high range for Monte Carlo and the tornado, and why it is what it is. None of
// them is in the magnet-market defaults file: they are the analyst's judgement, marked as such
// (grade J) on every sheet that shows them, and changeable on the parameter sheet.

import type { Bilingual } from "../errors";
import { APPLICATIONS } from "../market/defaults";

/** The market model's name of an application key (ev → EV/HEV/PHEV 駆動); the key if unknown. */
export function applicationName(key: string): Bilingual {
  return APPLICATIONS.find((a) => a.key === key)?.label ?? { ja: key, en: key };
}

export interface JudgementParameter {
  key: string;
  label: Bilingual;
  unit: string;
  value: number;
  low: number;
  high: number;
  /** "J" = the analyst's judgement (no published figure); A/B/C as in the defaults file. */
  grade: string;
  source: Bilingual;
}

const J = (key: string, label: Bilingual, unit: string, value: number, low: number, high: number, source: Bilingual): JudgementParameter => ({
  key,
  label,
  unit,
  value,
  low,
  high,
  grade: "J",
  source,
});

/** Supply-side parameters of a disruption month (RESILIENCE.md 2). */
export const SUPPLY_PARAMETERS: JudgementParameter[] = [
  J(
    "surgeUtilization",
    { ja: "既存工場の増産余力（2024年生産量に対する倍率）", en: "Surge output of existing plants (multiple of 2024 output)" },
    "×",
    1.1,
    1.0,
    1.2,
    {
      ja: "分析者の判断: 既存能力は2024年の生産量（下限）としているため、残業・休日稼働で 0〜20% 増やせるとみる（国内焼結磁石の稼働率 8〜9 割程度という業界の説明による）",
      en: "analyst's judgement: existing capacity is taken as the 2024 output (a lower bound), so overtime and weekend shifts add 0–20% (industry accounts of 80–90% utilization of sintered-magnet plants in Japan)",
    },
  ),
  J(
    "planUtilization",
    { ja: "支援計画の工場の途絶時稼働率（稼働中の能力に対する比率）", en: "Utilization of the supported plants in a disruption (of the capacity online)" },
    "share",
    1.0,
    0.85,
    1.0,
    {
      ja: "分析者の判断: 途絶時は稼働中の能力をほぼ全量使う（計画シートの平常時稼働率より高い）",
      en: "analyst's judgement: in a disruption the capacity online is used almost fully (above the plan sheet's normal utilization)",
    },
  ),
  J(
    "inventoryMonths",
    { ja: "需要家の磁石在庫（需要の月数）", en: "Users' magnet inventory (months of demand)" },
    "months",
    1.5,
    0.5,
    3,
    {
      ja: "分析者の判断: 2025年4月の輸出規制では、国内外の自動車・部品メーカーが数週間〜2か月程度で生産調整に至ったとの報道による",
      en: "analyst's judgement: after the April 2025 controls, car and parts makers reported production adjustments within a few weeks to about two months",
    },
  ),
  J(
    "otherOriginsSpare",
    { ja: "中国以外の輸入元の日本向け余力", en: "Spare capacity of other origins for Japan" },
    "t/yr",
    500,
    0,
    2000,
    {
      ja: "分析者の判断: 中国以外・日本以外の焼結磁石生産は世界の1割弱（既定値「磁石生産に占める中国の割合 2024年」0.90 と日本の生産量から）。その一部しか日本向けに振り向けられないとみる",
      en: "analyst's judgement: magnet production outside China and Japan is under a tenth of the world's (from the default 'China's share of magnet production 2024' 0.90 and Japan's output); only part of it can be redirected to Japan",
    },
  ),
];

/** The loss path (RESILIENCE.md 3): static ripple through L (the default), or the dynamic
 * inoperability path with recovery, counted over the event and a horizon after it. */
export const LOSS_PATH_PARAMETERS: JudgementParameter[] = [
  J(
    "lossPath",
    { ja: "損失の経路（0 = 静学: 逆行列 L による波及、1 = 動学: 回復を伴う不稼働率の経路）", en: "Loss path (0 = static: ripple through L; 1 = dynamic inoperability path with recovery)" },
    "0/1",
    0,
    0,
    1,
    {
      ja: "方法の選択（モンテカルロでは動かしません）。動学の経路は期間を無限にとると静学の損失に一致し、有限の期間では回復の残りを含めない分だけ小さくなります",
      en: "a choice of method (not drawn in the Monte Carlo). The dynamic path sums to the static loss over an infinite horizon; a finite horizon leaves out the rest of the recovery",
    },
  ),
  J(
    "recoveryMonths",
    { ja: "回復期間（不稼働率が初期の 1% になるまでの月数、全部門共通）", en: "Recovery time (months until 1% of the initial inoperability is left, every sector)" },
    "months",
    12,
    9,
    24,
    {
      ja: "分析者の判断: 回復係数 k = ln(100) / (T (1 − a*_ii))（Lian & Haimes 2006、残差 1% は Santos et al. 2014 の慣例）。取引先の切替・在庫の積み直しに 1 年程度とみる。損失の経路を動学（1）としたときだけ使います",
      en: "analyst's judgement: resilience k = ln(100) / (T (1 − a*_ii)) (Lian & Haimes 2006; the 1% residual is the convention of Santos et al. 2014); about a year to switch suppliers and rebuild stocks. Used only with the dynamic loss path (1)",
    },
  ),
  J(
    "horizonMonths",
    { ja: "動学の経路で損失を数える期間（途絶の終了後の月数）", en: "Months after the event over which the dynamic path's loss is counted" },
    "months",
    24,
    24,
    24,
    {
      ja: "分析者の判断: 途絶の終了後 2 年まで数える（回復期間 12 か月なら残りは初期の 0.01% 未満）。損失の経路を動学（1）としたときだけ使います",
      en: "analyst's judgement: two years after the event (with a 12-month recovery less than 0.01% of the initial inoperability is left). Used only with the dynamic loss path (1)",
    },
  ),
];

/** Annual probability of each named scenario of the scenario sheet; "none" takes the rest. */
export const PROBABILITY_PARAMETERS: JudgementParameter[] = [
  J(
    "probability:april2025",
    { ja: "年発生確率: 2025年4月型", en: "Annual probability: April-2025 type" },
    "/yr",
    0.2,
    0.1,
    0.4,
    {
      ja: "分析者の判断: 中国の重要鉱物の輸出規制は 2010年（レアアース）、2023年（ガリウム・ゲルマニウム、黒鉛）、2025年4月・10月（レアアース・磁石）と数年に1度",
      en: "analyst's judgement: Chinese export restrictions on critical minerals in 2010 (rare earths), 2023 (gallium, germanium, graphite), April and October 2025 (rare earths, magnets): about one every few years",
    },
  ),
  J(
    "probability:severe",
    { ja: "年発生確率: 深刻（80% 減 12か月）", en: "Annual probability: severe (−80% for 12 months)" },
    "/yr",
    0.03,
    0.01,
    0.1,
    {
      ja: "分析者の判断: 1年続く大幅な削減は過去に例がなく、IMF WP 2026/073 の想定は起こりうる最悪の事態として扱う",
      en: "analyst's judgement: a deep cut lasting a year has not happened; the IMF WP 2026/073 scenario is treated as a plausible worst case",
    },
  ),
];

/**
 * Application → IO sector concordance with the downstream output that stops per tonne of magnets
 * missing (百万円/t): a motor, a car or a compressor without its magnets is not made (RESILIENCE.md 3).
 * The sector is the first of `sectors` (labels, matched as contained text) found in the table.
 */
export interface DependentOutput {
  application: string;
  sectors: string[];
  /** 百万円 of downstream output per tonne of magnet, and the share of it that really stops. */
  outputPerTonne: number;
  low: number;
  high: number;
  grade: string;
  source: Bilingual;
}

const dep = (application: string, sectors: string[], outputPerTonne: number, low: number, high: number, source: Bilingual): DependentOutput => ({
  application,
  sectors,
  outputPerTonne,
  low,
  high,
  grade: "J",
  source,
});

// Broad tables (the sample's 13 sectors) have one manufacturing sector: every list ends with it.
const MANUF = ["製造業", "manufacturing"];

export const DEPENDENT_OUTPUT: DependentOutput[] = [
  dep("ev", ["輸送機械", "自動車", "transport equipment", "motor vehicles", ...MANUF], 2000, 1000, 3000, {
    ja: "分析者の判断: HEV・BEV 1台の磁石 1.2〜2.0 kg（既定値の原単位）、出荷額 300〜450 万円 → 磁石 1 t 当たり 約 2,000 百万円の車両",
    en: "analyst's judgement: 1.2–2.0 kg of magnet per HEV/BEV (the defaults' intensity), ex-factory value 3–4.5 million yen → about 2,000 million yen of vehicles per tonne",
  }),
  dep("auto", ["輸送機械", "自動車", "transport equipment", "motor vehicles", ...MANUF], 4000, 1000, 8000, {
    ja: "分析者の判断: エンジン車 1台 0.3 kg（既定値の原単位）、出荷額 250 万円。補機モーター（パワーステアリング等）がなければ車両は完成しないが、一部は代替できるとみて半分 → 約 4,000 百万円/t",
    en: "analyst's judgement: 0.3 kg per combustion-engine vehicle (the defaults' intensity), ex-factory 2.5 million yen; no vehicle is finished without its auxiliary motors (power steering …), half taken as not substitutable → about 4,000 million yen per tonne",
  }),
  dep("wind", ["はん用機械", "general-purpose machinery", "一般機械", "machinery", ...MANUF], 600, 300, 900, {
    ja: "分析者の判断: 風車 1 MW 当たり磁石 250 kg（既定値「風車 1 MW 当たりの磁石（全体の平均）」）、設備 1.5 億円/MW → 約 600 百万円/t",
    en: "analyst's judgement: 250 kg of magnet per MW (the default 'magnet per MW of wind, fleet average'), 150 million yen per MW → about 600 million yen per tonne",
  }),
  dep("aircon", ["電気機械", "electrical", "家電", ...MANUF], 1500, 800, 2500, {
    ja: "分析者の判断: インバーターエアコン 1台 0.06 kg（既定値の原単位）、出荷額 約 9 万円 → 約 1,500 百万円/t",
    en: "analyst's judgement: 0.06 kg per inverter air conditioner (the defaults' intensity), ex-factory about 90,000 yen → about 1,500 million yen per tonne",
  }),
  dep("industrial", ["はん用機械", "生産用機械", "general-purpose machinery", "production machinery", "一般機械", "machinery", ...MANUF], 500, 200, 1000, {
    ja: "分析者の判断: サーボモーター・産業用ロボットは磁石 1 kg 当たり 20〜100 万円の機械 → 約 500 百万円/t",
    en: "analyst's judgement: servo motors and industrial robots are 0.2–1 million yen of machinery per kg of magnet → about 500 million yen per tonne",
  }),
  dep("electronics", ["電子部品", "情報通信機器", "electronic", "computer", ...MANUF], 300, 100, 600, {
    ja: "分析者の判断: HDD・小型モーター・スピーカー等。磁石 1 kg 当たり 10〜60 万円の製品 → 約 300 百万円/t",
    en: "analyst's judgement: HDDs, small motors, speakers: 0.1–0.6 million yen of product per kg of magnet → about 300 million yen per tonne",
  }),
  dep("other", MANUF, 200, 0, 500, {
    ja: "分析者の判断: 用途不明の残り。代替や在庫の余地が大きいとみて小さく置く",
    en: "analyst's judgement: the unattributed rest; set low, as substitution and stocks are likelier",
  }),
];

/** Flat record of every judgement parameter's default (dependent output under `dependent:<app>`). */
export function defaultSecurityParameters(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of [...SUPPLY_PARAMETERS, ...LOSS_PATH_PARAMETERS, ...PROBABILITY_PARAMETERS]) out[p.key] = p.value;
  for (const d of DEPENDENT_OUTPUT) out[`dependent:${d.application}`] = d.outputPerTonne;
  return out;
}

/** Every judgement parameter with its range (dependent output included), for sheets, Monte Carlo
 * and the tornado. */
export function allJudgementParameters(): JudgementParameter[] {
  return [
    ...SUPPLY_PARAMETERS,
    ...LOSS_PATH_PARAMETERS,
    ...PROBABILITY_PARAMETERS,
    ...DEPENDENT_OUTPUT.map((d) => ({
      key: `dependent:${d.application}`,
      label: { ja: `磁石 1 t 当たりの川下生産額: ${applicationName(d.application).ja}`, en: `Downstream output per tonne of magnet: ${applicationName(d.application).en}` },
      unit: "百万円/t",
      value: d.outputPerTonne,
      low: d.low,
      high: d.high,
      grade: d.grade,
      source: d.source,
    })),
  ];
}
