// What an analyst reads for each row of the magnet-market defaults (assets/data/magnet-market):
// the parameter's name, its block, its unit and its source, in Japanese and English. The file's
// own ids (block, English name) stay the keys the models look rows up by; no sheet shows them.
// A row an analyst adds to the parameter sheet has no entry here and is shown as written.

import type { Bilingual, Lang } from "../errors";

const B = (ja: string, en: string): Bilingual => ({ ja, en });

export const BLOCK_NAMES: Record<string, Bilingual> = {
  global: B("世界", "World"),
  application: B("用途", "Applications"),
  japan: B("日本", "Japan"),
  intensity: B("原単位", "Intensity"),
  composition: B("組成", "Composition"),
  price: B("価格", "Prices"),
  shock: B("途絶", "Disruptions"),
  trade: B("貿易", "Trade"),
  recovery: B("回復", "Recovery"),
  subsidy: B("補助", "Subsidy"),
  io: B("産業連関", "Input-output"),
  policy: B("政策", "Policy"),
  evaluation: B("評価", "Evaluation"),
};

/** Names by "block/parameter" of the defaults file. */
export const PARAMETER_NAMES: Record<string, Bilingual> = {
  "global/NdFeB demand 2024 (finished magnet)": B("世界のNdFeB需要 2024年（完成品）", "Global NdFeB demand 2024 (finished magnets)"),
  "global/demand growth 2024-2030": B("世界需要の年成長率 2024〜2030年", "Global demand growth 2024–2030"),
  "global/demand growth 2030-2040": B("世界需要の年成長率 2030〜2040年", "Global demand growth 2030–2040"),
  "global/China share of magnet production 2024": B("磁石生産に占める中国の割合 2024年", "China's share of magnet production 2024"),
  "global/China share of magnet production 2030": B("磁石生産に占める中国の割合 2030年", "China's share of magnet production 2030"),
  "application/EV traction share of global demand 2024": B("用途別の割合: EV駆動（世界需要 2024年）", "Application share: EV traction (global demand 2024)"),
  "application/other automotive share": B("用途別の割合: その他自動車", "Application share: other automotive"),
  "application/wind share": B("用途別の割合: 風力発電", "Application share: wind"),
  "application/air conditioners and appliances share": B("用途別の割合: エアコン・家電", "Application share: air conditioners and appliances"),
  "application/industrial motors robots elevators share": B("用途別の割合: 産業用モーター・ロボット・昇降機", "Application share: industrial motors, robots, elevators"),
  "application/electronics and HDD share": B("用途別の割合: 電子機器・HDD", "Application share: electronics and HDD"),
  "application/other share": B("用途別の割合: その他", "Application share: other"),
  "japan/domestic NdFeB output 2024 (plants in Japan)": B("国内NdFeB生産量 2024年（国内工場）", "Domestic NdFeB output 2024 (plants in Japan)"),
  "japan/domestic NdFeB demand 2024": B("国内NdFeB需要 2024年", "Domestic NdFeB demand 2024"),
  "japan/domestic demand growth to 2030": B("国内需要の年成長率（2030年まで）", "Domestic demand growth to 2030"),
  "japan/imports of magnets from China 2024": B("中国からの磁石輸入 2024年", "Magnet imports from China 2024"),
  "japan/SmCo domestic demand": B("SmCo 磁石の国内需要", "Domestic SmCo demand"),
  "japan/recycling capacity 2020": B("磁石リサイクル能力 2020年", "Magnet recycling capacity 2020"),
  "intensity/BEV magnet per vehicle (traction + auxiliary)": B("BEV 1台当たりの磁石（駆動＋補機）", "Magnet per BEV (traction + auxiliary)"),
  "intensity/PHEV magnet per vehicle": B("PHEV 1台当たりの磁石", "Magnet per PHEV"),
  "intensity/HEV magnet per vehicle": B("HEV 1台当たりの磁石", "Magnet per HEV"),
  "intensity/ICE vehicle magnet per vehicle": B("エンジン車 1台当たりの磁石", "Magnet per combustion-engine vehicle"),
  "intensity/wind direct-drive": B("風車 1 MW 当たりの磁石（ダイレクトドライブ）", "Magnet per MW of wind (direct drive)"),
  "intensity/wind fleet average": B("風車 1 MW 当たりの磁石（全体の平均）", "Magnet per MW of wind (fleet average)"),
  "intensity/inverter air conditioner": B("インバーターエアコン 1台当たりの磁石", "Magnet per inverter air conditioner"),
  "composition/Nd+Pr content of NdFeB": B("NdFeB の Nd+Pr 含有率", "Nd+Pr content of NdFeB"),
  "composition/Dy+Tb content EV grade 2024": B("EV 向け磁石の Dy+Tb 含有率 2024年", "Dy+Tb content of EV-grade magnets 2024"),
  "composition/finished / blank yield": B("歩留まり（完成品 ÷ 素材）", "Yield (finished ÷ blank)"),
  "price/NdPr oxide 2024": B("NdPr 酸化物の価格 2024年", "NdPr oxide price 2024"),
  "price/Dy oxide 2024": B("Dy 酸化物の価格 2024年", "Dy oxide price 2024"),
  "price/Tb oxide 2024": B("Tb 酸化物の価格 2024年", "Tb oxide price 2024"),
  "price/NdFeB China export average 2024": B("中国の NdFeB 輸出平均単価 2024年", "Average export price of Chinese NdFeB 2024"),
  "price/Japanese automotive-grade NdFeB": B("国産 車載グレード NdFeB の単価", "Japanese automotive-grade NdFeB price"),
  "shock/April-2025 type: cut of China-Japan magnet flows": B("2025年4月型: 中国から日本への磁石供給の削減率", "April-2025 type: cut of China–Japan magnet flows"),
  "shock/April-2025 type: duration": B("2025年4月型: 期間", "April-2025 type: duration"),
  "shock/severe: cut": B("深刻な途絶: 削減率", "Severe disruption: cut"),
  "shock/severe: duration": B("深刻な途絶: 期間", "Severe disruption: duration"),
  "trade/Armington elasticity magnets year 1": B("磁石のアーミントン弾力性（1年目）", "Armington elasticity of magnets, year 1"),
  "trade/Armington elasticity magnets year 5": B("磁石のアーミントン弾力性（5年目）", "Armington elasticity of magnets, year 5"),
  "trade/price elasticity of demand short run": B("需要の価格弾力性（短期）", "Price elasticity of demand, short run"),
  "trade/price elasticity of demand long run": B("需要の価格弾力性（長期）", "Price elasticity of demand, long run"),
  "recovery/substitution per year after a shock": B("途絶後の年間の代替（需要に対する比率）", "Substitution per year after a disruption"),
  "subsidy/subsidy rate magnet manufacturing capex": B("補助率（磁石製造の設備投資）", "Subsidy rate, magnet manufacturing capex"),
  "subsidy/subsidy rate magnet recycling capex": B("補助率（磁石リサイクルの設備投資）", "Subsidy rate, magnet recycling capex"),
  "subsidy/capex per t/yr of sintered NdFeB capacity": B("焼結NdFeB 能力 1 t/年 当たりの設備投資額", "Capex per t/yr of sintered NdFeB capacity"),
  "io/capex converter construction share": B("投資転換表: 建設の比率", "Capex converter: construction share"),
  "io/capex converter machinery share": B("投資転換表: 機械設備の比率", "Capex converter: machinery share"),
  "io/capex converter other share": B("投資転換表: その他の比率", "Capex converter: other share"),
  "policy/FY2025 supplementary budget top-up (permanent magnets)": B("令和7年度補正予算 永久磁石の上積み", "FY2025 supplementary budget top-up (permanent magnets)"),
  "policy/KPI 2030 domestic NdFeB capacity / domestic demand": B("KPI 2030年度 国内NdFeB生産能力 / 国内需要", "KPI FY2030 domestic NdFeB capacity / domestic demand"),
  "policy/KPI 2030 recycling capacity vs 2020": B("KPI 2030年度 リサイクル能力（2020年比）", "KPI FY2030 recycling capacity vs 2020"),
  "policy/KPI 2030 EV models with heavy-REE-free magnets": B("KPI 2030年度 重希土類フリー磁石を使う EV の車種数", "KPI FY2030 EV models with heavy-rare-earth-free magnets"),
  "policy/minimum NdFeB capacity increase per supported plan": B("支援計画 1件当たりの NdFeB 能力増強の最低要件", "Minimum NdFeB capacity increase per supported plan"),
  "policy/minimum SmCo capacity kept per supported plan": B("支援計画 1件当たりの SmCo 能力維持の最低要件", "Minimum SmCo capacity kept per supported plan"),
  "evaluation/discount rate": B("割引率", "Discount rate"),
};

/** Units as written in the defaults file and on the judgement-parameter sheets. */
export const UNIT_NAMES: Record<string, Bilingual> = {
  "per year": B("/年", "per year"),
  "/yr": B("/年", "per year"),
  share: B("比率", "share"),
  "mass share": B("質量比", "mass share"),
  ratio: B("比", "ratio"),
  "share cut": B("削減率", "share cut"),
  months: B("か月", "months"),
  elasticity: B("弾力性", "elasticity"),
  "share of demand": B("需要に対する比率", "share of demand"),
  "kg per MW": B("kg/MW", "kg per MW"),
  "kg per unit": B("kg/台", "kg per unit"),
  "USD per kg": B("USD/kg", "USD per kg"),
  "JPY per kg": B("円/kg", "JPY per kg"),
  "JPY/kg": B("円/kg", "JPY/kg"),
  "million JPY per (t/yr)": B("百万円/(t/年)", "million JPY per (t/yr)"),
  "million JPY": B("百万円", "million JPY"),
  models: B("車種", "models"),
  "t per year": B("t/年", "t per year"),
  "t/yr": B("t/年", "t/yr"),
  "百万円/t": B("百万円/t", "million yen/t"),
};

/** Sources of the defaults file in Japanese (titles of published works in 『』, names as
 * published); English as the file writes them. */
const SOURCES_JA: Record<string, string> = {
  "CSRE via kinzokufocus.com/2024/10/ndfeb.html; JSNM jsnm.or.jp/group/rea-earth.html; Adamas adamasintel.com rare-earth-magnet-market-outlook-to-2040 (blank x 0.72)":
    "CSRE（kinzokufocus.com/2024/10/ndfeb.html による）; JSNM jsnm.or.jp/group/rea-earth.html; Adamas adamasintel.com/rare-earth-magnet-market-outlook-to-2040（素材の重量 × 0.72）",
  "Adamas Intelligence, Rare Earth Magnet Market Outlook to 2040 (Q3 2024)": "Adamas Intelligence『Rare Earth Magnet Market Outlook to 2040』（2024年第3四半期）",
  "Adamas Intelligence (2023 and 2024 outlooks)": "Adamas Intelligence の見通し（2023年版・2024年版）",
  "IEA commentary 2025-10-23; METI (jihyo.co.jp 2024-02)": "IEA 解説記事（2025-10-23）; 経済産業省（jihyo.co.jp、2024年2月）",
  "IEA GCMO 2024 refining outlook, applied to magnets": "IEA『Global Critical Minerals Outlook 2024』の精製の見通しを磁石に適用",
  "JSNM China 2023 use split; CSRE": "JSNM（中国の2023年の用途別内訳）; CSRE",
  "JSNM 業界業況 (2017-2025)": "JSNM 業界業況（2017〜2025年）",
  "METI via newswitch.jp/p/35989 (over 10 kt); JSNM 2024 demand": "経済産業省（newswitch.jp/p/35989、1万 t 超）; JSNM 2024年の需要",
  estimate: "推計",
  same: "同上",
  "China customs via Reuters/Bloomberg aggregators": "中国税関統計（Reuters・Bloomberg の集計による）",
  "newswitch.jp/p/35989 (several hundred t)": "newswitch.jp/p/35989（数百 t）",
  "IEA-attributed 1-2 kg traction; MacroPolo 2024": "IEA による駆動用 1〜2 kg; MacroPolo 2024",
  "Heim & Vander Wal 2023, Minerals 13(10):1274": "Heim & Vander Wal 2023『Minerals』13(10):1274",
  "0.1 kg per compressor x 60% NdFeB penetration": "圧縮機 1台 0.1 kg × NdFeB の採用率 60%",
  "Heim & Vander Wal 2023": "Heim & Vander Wal 2023",
  "METI 2024 (Dy roughly halved in 10 years)": "経済産業省 2024（Dy は10年でおよそ半減）",
  "CJC; Neomag": "CJC; Neomag",
  "USGS Mineral Commodity Summaries 2025, Rare Earths": "USGS『Mineral Commodity Summaries 2025』レアアース",
  "Adamas, Record rare earth magnet exports from China in 2024": "Adamas『Record rare earth magnet exports from China in 2024』",
  assumption: "仮定",
  "China customs May 2025 vs normal months": "中国税関統計（2025年5月と平常月の比較）",
  "IMF WP 2026/073 (Bogmans et al.)": "IMF WP 2026/073（Bogmans et al.、ワーキングペーパー）",
  "literature range; GTAP electronics 4.4 as long-run cap": "文献の範囲（長期の上限は GTAP の電子機器の値 4.4）",
  "Sprecher et al. 2017, ES&T 51(7):3860": "Sprecher et al. 2017『Environmental Science & Technology』51(7):3860",
  "METI economic security page (上限助成率 1/3)": "経済産業省 経済安全保障のページ（上限助成率 1/3）",
  "Shin-Etsu Vietnam 2014 and 2017; Daido Electronics 2025; Neo Performance Estonia 2025":
    "信越化学工業 ベトナム工場（2014年・2017年）; 大同電子（2025年）; Neo Performance Materials エストニア工場（2025年）",
  "approximation of the 固定資本マトリックス column for electronic parts": "固定資本マトリックスの電子部品の列による近似",
  "METI 効果検証シナリオ (2026-03-31)": "経済産業省 効果検証シナリオ（2026-03-31）",
  "取組方針 (2025 revision)": "取組方針（2025年改訂）",
};

export function parameterName(block: string, name: string, lang: Lang): string {
  return PARAMETER_NAMES[`${block}/${name}`]?.[lang] ?? name;
}

export function blockName(block: string, lang: Lang): string {
  return BLOCK_NAMES[block]?.[lang] ?? block;
}

export function unitName(unit: string, lang: Lang): string {
  return UNIT_NAMES[unit]?.[lang] ?? unit;
}

/** A source text of the defaults file in the reader's language (as written when unknown). */
export function sourceName(source: string, lang: Lang): string {
  return lang === "ja" ? (SOURCES_JA[source.trim()] ?? source) : source;
}

/** "信頼度 A" / "grade A" */
export function gradeName(grade: string, lang: Lang): string {
  return lang === "ja" ? `信頼度 ${grade}` : `grade ${grade}`;
}
