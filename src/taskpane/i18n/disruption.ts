// Texts of the supply-disruption tab (Japanese first, English second). i18n.ts assembles the
// areas.

export const DISRUPTION_JA = {
  disruption: {
    heading: "供給途絶",
    intro: "輸入の途絶（削減率・期間）と回復、輸入価格の上昇による影響を、不稼働率モデル・価格モデル・仮説的抽出法・ゴッシュモデルで計算します。既定値は {{file}} の例です。",
    sector: "途絶する財の部門",
    field: {
      importCutPct: "輸入の削減率（%）",
      months: "途絶の期間（か月）",
      recoveryMonths: "回復期間（か月）",
      priceShockPct: "輸入価格の上昇率（%、空欄は価格モデルなし）",
      importQuantity: "途絶する財の年間輸入量（t）",
      unitValue: "単価（百万円/t、表の単位）",
    },
    importsHint: "年間輸入量と単価を空欄にすると、表の部門の輸入額全体に削減率を掛けます。",
    notNumber: "数を入力してください",
    run: "途絶の影響を計算",
    limits: "方法の限界",
    sources: "既定値の出典（例の注記）",
  },
};

export const DISRUPTION_EN: typeof DISRUPTION_JA = {
  disruption: {
    heading: "Supply disruption",
    intro: "An import cut (share, duration) with recovery and an import price rise, through the inoperability model, the price model, hypothetical extraction and the Ghosh model. The prefilled values are the example {{file}}.",
    sector: "Sector of the disrupted good",
    field: {
      importCutPct: "Import cut (%)",
      months: "Duration of the cut (months)",
      recoveryMonths: "Recovery (months)",
      priceShockPct: "Import price rise (%; blank: no price model)",
      importQuantity: "Yearly imports of the good (t)",
      unitValue: "Value per t (million yen, table units)",
    },
    importsHint: "With the yearly imports and value blank, the cut applies to all of the sector's imports in the table.",
    notNumber: "Enter a number",
    run: "Compute the disruption",
    limits: "Limits of the methods",
    sources: "Sources of the prefilled values (the example's notes)",
  },
};
