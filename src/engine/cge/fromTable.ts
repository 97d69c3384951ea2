// A SAM from a competitive-import IO table (MIC layout; CGE.md section 1). Every choice is recorded
// in `choices` (for the method sheet) and every derived number in `balancing` (shown on the SAM
// sheet): the table's accounts go to the SAM's as below, and direct tax, household, government and
// foreign saving are derived so that every account balances exactly.
//   X = intermediate block (competitive: includes imported goods); LAB = 雇用者所得;
//   CAP = 営業余剰 + 資本減耗引当 + 家計外消費支出（行）(+ other value added);
//   IDT = 間接税 − 経常補助金; EXT row = |（控除）輸入|; TRF = |（控除）関税| + |（控除）輸入品商品税|;
//   HOH = 民間消費支出; GOV = 一般政府消費支出 + 家計外消費支出（列）;
//   INV = 総固定資本形成 + 在庫純増 (+ 調整項 and other final demand); EXT column = 輸出.

import { RippleError, RippleErrorList, type Bilingual } from "../errors";
import type { IOTable, RoleVector } from "../table/types";
import { labelKey } from "../table/normalize";
import { samMatrix } from "./flows";
import { checkBalance, type Sam } from "./sam";
import { sum } from "../numeric";

export interface TableSamOptions {
  /** Government saving Sg (table units); default 0 (the IO table does not show it). */
  governmentSaving?: number;
}

export interface BalancingItem {
  key: "Sf" | "Sg" | "Td" | "Sp";
  label: Bilingual;
  value: number;
  how: Bilingual;
}

export interface TableSam {
  sam: Sam;
  balancing: BalancingItem[];
  choices: Bilingual[];
  /** Entries moved from one column to another (negative consumption → investment). */
  moved: Bilingual[];
}

const L = (ja: string, en: string): Bilingual => ({ ja, en });

function refuse(code: string, ja: string, en: string, cell?: string | null): RippleError {
  return new RippleError(code, { ja, en }, cell ? { cell } : {});
}

/** Tariff-like import columns (関税, 輸入品商品税) versus the imports themselves. */
function isImportTax(v: RoleVector): boolean {
  return /関税|商品税|custom|dut(y|ies)|tariff|tax/.test(labelKey(v.label));
}

export function samFromTable(t: IOTable, opts: TableSamOptions = {}): TableSam {
  if (t.importType !== "competitive")
    throw refuse(
      "cge.table-not-competitive",
      "IO 表から SAM を作るには競争輸入型の表（MIC の（控除）輸入列のある表）が必要です。",
      "a SAM from an IO table needs a competitive-import table (MIC layout with (less) import columns).",
    );
  const n = t.sectors.length;
  const goods = t.sectors.map((s) => s.label);
  const zero = () => new Array<number>(n).fill(0);
  const rows = (pred: (r: string) => boolean) => t.primaryInputs.filter((v) => pred(v.role));
  const cols = (pred: (r: string) => boolean) => t.finalDemand.filter((v) => pred(v.role));
  const add = (vs: RoleVector[]) => vs.reduce((acc, v) => acc.map((a, i) => a + v.values[i]), zero());
  const choices: Bilingual[] = [];
  const moved: Bilingual[] = [];

  const lab = add(rows((r) => r === "va:compensation"));
  const capRows = rows((r) => ["va:surplus", "va:depreciation", "va:household-outside", "va:other"].includes(r));
  const cap = add(capRows);
  const idt = add(rows((r) => r === "va:tax-production" || r === "va:subsidy" || r === "tax-products"));
  choices.push(L(`資本 = ${capRows.map((v) => v.label).join(" + ")}（家計外消費支出（行）は営業余剰とともに資本へ）`, `Capital = ${capRows.map((v) => v.label).join(" + ")} (consumption outside households (row) goes with the operating surplus)`));
  const imports = cols((r) => r === "import");
  const mCols = imports.filter((v) => !isImportTax(v));
  const tCols = imports.filter(isImportTax);
  if (mCols.length !== 1)
    throw refuse("cge.table-imports", `輸入の列がちょうど 1 つ必要です（${mCols.map((v) => v.label).join(", ") || "なし"}）。マッピングで関税などを区別してください。`, `exactly one imports column is needed (found: ${mCols.map((v) => v.label).join(", ") || "none"}).`);
  const M = mCols[0].values.map((v) => -v);
  const trf = add(tCols).map((v) => -v);
  choices.push(L(`輸入 = |${mCols[0].label}|、関税 = ${tCols.map((v) => `|${v.label}|`).join(" + ") || "0"}`, `Imports = |${mCols[0].label}|, tariffs = ${tCols.map((v) => `|${v.label}|`).join(" + ") || "0"}`));
  const Xp = add(cols((r) => r === "fd:household"));
  const govCols = cols((r) => r === "fd:government" || r === "fd:household-outside");
  const Xg = add(govCols);
  const invCols = cols((r) => r === "fd:investment" || r === "fd:inventory" || r === "fd:other");
  const Xv = add(invCols);
  const E = add(cols((r) => r === "export"));
  choices.push(L(`政府 = ${govCols.map((v) => v.label).join(" + ")}`, `Government = ${govCols.map((v) => v.label).join(" + ")}`));
  choices.push(L(`投資 = ${invCols.map((v) => v.label).join(" + ")}`, `Investment = ${invCols.map((v) => v.label).join(" + ")}`));
  // Negative consumption (scrap sales, adjustments) has no place in Cobb–Douglas demand: it goes to
  // investment (stock change), which keeps every good's row total.
  for (const [what, v, ja] of [["household consumption", Xp, "民間消費支出"], ["government consumption", Xg, "政府消費"]] as const)
    v.forEach((x, i) => {
      if (x < 0) {
        moved.push(L(`${goods[i]} の${ja} ${x} を投資（在庫）へ移しました`, `${what} of ${goods[i]} (${x}) moved to investment (stock change)`));
        Xv[i] += x;
        v[i] = 0;
      }
    });
  const problems: RippleError[] = [];
  const neg = (v: number[], ja: string, en: string) =>
    v.forEach((x, i) => x < 0 && problems.push(refuse("cge.table-negative", `${goods[i]} の${ja}が負です（${x}）。CGE では 0 以上が必要です。`, `${en} of ${goods[i]} is negative (${x}); the CGE model needs it ≥ 0.`)));
  neg(lab, "雇用者所得", "compensation");
  neg(cap, "資本所得（営業余剰 + 資本減耗引当 + 家計外消費支出）", "capital income (surplus + depreciation + outside-household consumption)");
  neg(E, "輸出", "exports");
  neg(M, "輸入", "imports");
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new RippleErrorList("cge.table-negative", problems);

  // Balancing items. EXT: Σ M = Σ E + Sf. GOV: Td + ΣIDT + ΣTRF = ΣXg + Sg. HOH: ΣLAB + ΣCAP = ΣXp + Td + Sp.
  const Sf = sum(M) - sum(E);
  const Sg = opts.governmentSaving ?? 0;
  const Td = sum(Xg) + Sg - sum(idt) - sum(trf);
  const Sp = sum(lab) + sum(cap) - sum(Xp) - Td;
  const balancing: BalancingItem[] = [
    { key: "Sf", label: L("海外貯蓄", "Foreign saving"), value: Sf, how: L("Σ輸入 − Σ輸出", "Σ imports − Σ exports") },
    { key: "Sg", label: L("政府貯蓄", "Government saving"), value: Sg, how: opts.governmentSaving === undefined ? L("0（IO 表にないため。利用者が指定可）", "0 (not in an IO table; a user choice)") : L("利用者の指定", "entered by the user") },
    { key: "Td", label: L("直接税", "Direct tax"), value: Td, how: L("Σ政府消費 + 政府貯蓄 − Σ生産税 − Σ関税", "Σ government consumption + government saving − Σ production tax − Σ tariffs") },
    { key: "Sp", label: L("家計貯蓄", "Household saving"), value: Sp, how: L("Σ要素所得 − Σ民間消費 − 直接税", "Σ factor income − Σ household consumption − direct tax") },
  ];
  for (const b of balancing.filter((x) => x.key === "Td" || x.key === "Sp"))
    if (!(b.value >= 0))
      problems.push(refuse("cge.table-balancing", `${b.label.ja} が負になりました（${b.value} = ${b.how.ja}）。政府貯蓄を指定し直してください。`, `${b.label.en} comes out negative (${b.value} = ${b.how.en}); give another government saving.`));
  if (problems.length) throw problems[0];

  const { labels, roles, values: m } = samMatrix({
    goods,
    factors: ["CAP", "LAB"],
    X: t.Z,
    F: [cap, lab],
    Tz: idt,
    Tm: trf,
    M,
    Xp,
    Xg,
    Xv,
    E,
    FF: [sum(cap), sum(lab)],
    Td,
    Sp,
    Sg,
    Sf,
  });
  const sam: Sam = { sheet: t.layout?.sheet ?? "table", labels, roles, values: m, cell: () => "" };
  checkBalance(sam);
  return { sam, balancing, choices, moved };
}
