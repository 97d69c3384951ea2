// Texts of the magnet supply-and-demand tab (Japanese first, English second). i18n.ts assembles
// the areas.

export const MARKET_JA = {
  market: {
    heading: "磁石の需給モデル",
    intro: "磁石の需要シェアモデルの入力シート（既定値・信頼度・出典つき）を挿入し、シナリオとモンテカルロの設定を選んで実行します。産業連関表を読み込んでいれば、国内生産の変化の経済波及効果も計算します。",
    templateNext: "値を確認・変更してから、下の「需給モデルを実行」を押してください。",
    paramsSheet: "パラメータのシート",
    scenarioSheet: "シナリオのシート",
    reread: "シナリオを読み直す",
    chooseSheets: "パラメータとシナリオのシートを選んでください。",
    scenario: "シナリオ",
    allScenarios: "すべてのシナリオ",
    draws: "モンテカルロの回数（0 は行わない）",
    seed: "乱数の種",
    badDraws: "0 以上の整数を入力してください",
    uncertain: "不確実なパラメータ {{n}} 個を分布から抽出します。",
    sector: "磁石の生産が入る部門",
    noDefaultSector: "「磁石」「製造業」の部門がありません。部門を選んでください。",
    defaultSector: "既定（「磁石」の部門。部門分割があれば分割した部門、なければ製造業）",
    noTable: "産業連関表がないため、波及効果は計算しません。",
    withPlans: "支援計画の能力増強を含める（事業計画と投資転換表のシート）",
    run: "需給モデルを実行",
  },
};

export const MARKET_EN: typeof MARKET_JA = {
  market: {
    heading: "Magnet supply and demand model",
    intro: "Insert the input sheets of the magnet demand-share model (defaults with grades and sources), choose the scenario and the Monte Carlo settings, and run. With an input-output table read, the ripple effect of the change in domestic output is computed too.",
    templateNext: "Check or change the values, then press “Run market model” below.",
    paramsSheet: "Parameter sheet",
    scenarioSheet: "Scenario sheet",
    reread: "Re-read scenarios",
    chooseSheets: "Choose the parameter and scenario sheets.",
    scenario: "Scenario",
    allScenarios: "All scenarios",
    draws: "Monte Carlo draws (0: none)",
    seed: "Random seed",
    badDraws: "Enter a whole number of at least 0",
    uncertain: "{{n}} uncertain parameters are drawn from their distributions.",
    sector: "Sector magnet output enters",
    noDefaultSector: "No 'magnet' or 'manufacturing' sector; choose one.",
    defaultSector: "Default (the magnet sector: the split one when the workbook has a split, else manufacturing)",
    noTable: "No input-output table: the ripple effects are not computed.",
    withPlans: "Include the supported plans' capacity (project and converter sheets)",
    run: "Run market model",
  },
};
