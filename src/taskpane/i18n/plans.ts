// Texts of the supported-plans tab (Japanese first, English second): templates, the run, and the
// comparison with an earlier results workbook. i18n.ts assembles the areas.

export const PLANS_JA = {
  projects: {
    heading: "支援計画の政策評価",
    intro: "支援計画（1行に1計画）を入力するシートを挿入し、入力後に「計画を実行」で経済波及効果・補助金1円当たり粗付加価値誘発額・KPI を新しいシートに書き出します。入力シートは変更しません。",
    templateHeading: "入力テンプレート",
    firstYear: "設備投資の最初の年度",
    lastYear: "設備投資の最後の年度",
    converterSectors: "標準の投資転換表の部門（比率と出典は結果ブックの方法・出典シートのパラメータ表）",
    converter: {
      construction: "建設（工場建屋）",
      machinery: "機械設備",
      other: "その他（設計・据付等）",
    },
    chooseConverterSectors: "投資転換表の3つの部門を選んでください。",
    withParams: "パラメータシート（値・範囲・信頼度・出典）も挿入する（KPI の評価に使います）",
    templateNext: "計画を入力してから、下の「計画を実行」を押してください。▼の列は一覧から選べます。",
    runHeading: "計画を実行",
    projectSheet: "事業計画のシート",
    converterSheet: "投資転換表のシート",
    paramsSheet: "パラメータのシート（任意、KPI に必要）",
    splitSheet: "部門分割のシート（任意）",
    chooseSheets: "事業計画と投資転換表のシートを選んでください。",
    run: "計画を実行",
    result: "計画 {{n}} 件、評価期間 {{first}}年度–{{last}}年度。粗付加価値誘発額の現在価値 {{pv}} {{unit}}、補助金の現在価値 {{subsidy}} {{unit}}、補助金1円当たり粗付加価値誘発額（参考）{{bc}}",
  },
  compare: {
    heading: "前回の結果との比較",
    hint: "前回の結果ブック（Ripple で作った公開版でない .xlsx）を選ぶと、このブックの結果と並べ、変わった入力とその寄与を新しいシート「比較」に書きます。",
    run: "前回の結果ブックを選んで比較…",
    changed: "変わった入力: {{list}}",
    noChange: "なし",
  },
};

export const PLANS_EN: typeof PLANS_JA = {
  projects: {
    heading: "Policy evaluation of supported plans",
    intro: "Insert the sheets for the supported plans (one plan per row), fill them in, then “Run plans” writes the ripple effects, the induced gross value added per yen of subsidy and KPIs to new sheets. The input sheets are not changed.",
    templateHeading: "Input templates",
    firstYear: "First capex fiscal year",
    lastYear: "Last capex fiscal year",
    converterSectors: "Sectors of the default capex converter (shares and sources in the parameter table of the results' Method & sources sheet)",
    converter: {
      construction: "Construction (plant buildings)",
      machinery: "Machinery",
      other: "Other (engineering, installation)",
    },
    chooseConverterSectors: "Choose the converter's three sectors.",
    withParams: "Also insert the parameter sheet (value, range, grade, source; needed for the KPIs)",
    templateNext: "Enter the plans, then press “Run plans” below. Columns with ▼ take a value from the list.",
    runHeading: "Run plans",
    projectSheet: "Project sheet",
    converterSheet: "Capex converter sheet",
    paramsSheet: "Parameter sheet (optional, needed for the KPIs)",
    splitSheet: "Sector split sheet (optional)",
    chooseSheets: "Choose the project and converter sheets.",
    run: "Run plans",
    result: "{{n}} plans, FY{{first}}–FY{{last}}. PV of induced GVA {{pv}} {{unit}}, PV of subsidy {{subsidy}} {{unit}}, induced GVA per yen of subsidy (reference) {{bc}}",
  },
  compare: {
    heading: "Compare with an earlier run",
    hint: "Pick the earlier results workbook (an .xlsx made by Ripple, not a public version): its results are set beside this workbook's, with what changed in the inputs and what each change contributed, on a new sheet 'Comparison'.",
    run: "Pick the earlier results and compare…",
    changed: "Inputs changed: {{list}}",
    noChange: "none",
  },
};
