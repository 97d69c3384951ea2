// Label dictionaries: what a row or column label says about its role (TABLES.md vocabulary).
// Japanese MIC / prefectural labels, English ONS/Eurostat/OECD/MIC-English labels and the
// snake_case / ESA codes of the oracle files. Labels are compared after NFKC (全角 → 半角), lower
// case, `_`/`-` → space and without commas, so （控除）輸入 and (less) Imports look alike.

import type { Role } from "./types";
import { labelKey } from "./normalize";
import { unifyVariants } from "./labelText";

export type Dim = "row" | "col";

/** What a subtotal adds up: lines of one role (輸出計 = exports), gross value added, or unknown. */
export type TotalOf = Role | "value-added";

export interface LabelClass {
  role: Role;
  /** For role "subtotal": what it totals, when the label says so. */
  totalOf?: TotalOf;
}

type Rule = [RegExp, Role | null, Role | null]; // pattern, role as a row, role as a column

/** Checked before totals are stripped: labels that contain "total"/計 but are not subtotals. */
const SPECIAL: Rule[] = [
  [/^(国内|県内|市内|区内|域内|地域内|道内|都内|府内)?生産額$/, "output", "output"],
  [/^(total |gross )?output( at basic prices| basic prices| bp)?$/, "output", "output"],
  [/^(p1|out|domestic production|total output row|total production)$/, "output", "output"],
  // In a domestic-use table total use of domestic products is output (Spicosa `total_use`).
  [/^total use$/, null, "output"],
  [/^(total )?employment( domestic concept| domestic total| total)?$/, "employment", null],
  [/^(emp|(total )?persons employed|number of persons employed|従業者総数|(従業者|就業者)数)$/, "employment", null],
  // Notes and sources printed under or beside the table ('（注）1. …', '※ …', '資料：…', 'Source: …'):
  // not lines of the table, whatever text or figures they hold.
  [/^(\(注\d*\)|注\d*[\s).]|※|資料 |出典 |notes? |sources? )/, "ignore", "ignore"],
  // Parts of employment when the total (EMP) is there too: not used.
  [/^(emp (ws|fte|se|ee)|employment (on )?wages? (and )?salar(y|ies)|self employed|employment self employed)$/, "ignore", null],
];

/** Gross value added totals (粗付加価値部門計, B1G, value_added_bp). */
const GVA: RegExp[] = [
  /粗付加価値/,
  /^付加価値(部門)?(計|合計)?$/,
  /^(total )?(gross )?value added( gross)?( at basic prices| basic prices| bp)?$/,
  /^(gva|b1g)$/,
  // OECD IOT / ICIO codes.
  /^(valu|va)$/,
];

const DIRECT: Rule[] = [
  [/^家計外消費支出/, "va:household-outside", "fd:household-outside"],
  [/^(consumption )?(expenditure )?outside households?|^household outside consumption/, "va:household-outside", "fd:household-outside"],
  [/^consumption expenditure outside/, "va:household-outside", "fd:household-outside"],
  [/^間接税|^生産・輸入品に課される税/, "va:tax-production", null],
  [/^indirect tax(es)?\b|^(other )?taxes? (less (other )?subsidies )?on production|^net tax(es)? (on )?production$|^d29(x39)?$/, "va:tax-production", null],
  [/^(経常)?補助金$|^(other |current )?subsidies( on production)?$|^d39$/, "va:subsidy", null],
  [/^(net )?taxes? (less subsidies )?on products$|^d21(x31)?$|^net tax(es)?( products| on products)?$|^product taxes/, "tax-products", null],
  // OECD: taxes less subsidies on imported (TXS_IMP_FNL) and domestic (TXS_INT_FNL) products, ICIO TLS.
  [/^txs (imp|int) fnl$|^tls$/, "tax-products", null],
  [/^customs? duties$|^import duties$/, "tax-products", "import"],
  [/^雇用者所得|^compensation (of )?employees?$|^d1$/, "va:compensation", null],
  [/^営業余剰|^(gross |net )?operating surplus|^mixed income|^os mixed income|^b2a3n$|^b2n$|^b2g$|^b3n$/, "va:surplus", null],
  [/^資本減耗|^consumption (of )?fixed capital$|^k1$|^p51c$|^depreciation$|^capital consumption/, "va:depreciation", null],
  [/^その他の付加価値|^other value added/, "va:other", null],
  [/^(財・サービス)?内生部門|^(total )?intermediate (consumption|inputs?|demand|use)|^p2$|^ttl int fnl$/, "subtotal", "subtotal"],
  [/npish|^p3 s15$|non ?profit (institutions|organi[sz]ations)|^対家計民間非営利団体/, null, "fd:other"],
  [/^(民間|家計)(最終)?消費支出|^hfce$/, null, "fd:household"],
  [/^consumption expenditure \(private\)$|^private (final )?consumption/, null, "fd:household"],
  [/^(final )?consumption (expenditure )?(of |by )?households?$|^households?( final)?( consumption)?( expenditure)?$/, null, "fd:household"],
  [/^final consumption (expenditure )?(private|households?)$|^household final consumption( expenditure)?$|^p3 s14$/, null, "fd:household"],
  [/^(一般|中央|地方)?政府.*消費支出|government|^p3 s13$|^ggfc$/, null, "fd:government"],
  [/固定資本形成|^gross (domestic )?fixed capital formation|^gfcf$|^p51g?$|^gross capital formation$|^p5g?$/, null, "fd:investment"],
  [/在庫|^changes? in (inventor(y|ies)|stocks)|^inventory change|^increase in stocks|^p52$|^p5m$|^invnt$/, null, "fd:inventory"],
  [/^調整項|^balancing sector|^acquisitions less disposals of valuables|^valuables$|^p53$|^statistical discrepancy/, null, "fd:other"],
  // Direct purchases abroad by residents (OECD DPABR): residents' consumption, bought abroad.
  [/^dpabr$|^direct purchases abroad/, null, "fd:other"],
  [/^(普通|特殊)?(移輸出|輸移出|輸出|移出)/, null, "export"],
  // Prefectural tables (東京都): spending in the region by other regions' residents and offices.
  [/^他地域/, null, "export"],
  [/^exports?( of goods( and services)?| of services| fob)?$|^p6$|^expo$|^cons nonres$|^(purchases|expenditure) (by|of) non ?residents/, null, "export"],
  [/^(移輸入|輸移入|輸入|移入)|^(関税|輸入品商品税)$/, "import", "import"],
  [/^imports?( of goods( and services)?| of services| cif)?$|^p7$|^impo$|^commodity taxes on imported goods$/, "import", "import"],
];

/** A unit written into a label ("生産額（百万円）", "Output (million EUR)"): not part of the role. */
const UNIT_SUFFIX = /\s*\((百万円|千円|万円|億円|十億円|円|人|persons?|(thousands?|millions?|billions?) (of )?[a-z$€£¥ ]+|[a-z]{3} (thousands?|millions?|billions?))\)$/;

/** Dictionary form of a label: labelKey, `_`/`-` as spaces, no commas, no (控除)/(less). */
export function dictKey(text: string): { key: string; less: boolean } {
  let k = unifyVariants(labelKey(text)).replace(/[_-]+/g, " ").replace(/[,、:;]/g, " ").replace(/\s+/g, " ").trim();
  k = k.replace(UNIT_SUFFIX, "").trim();
  let less = false;
  const m = /^(\(控除\)|控除|\(less\)|less:|less|\(-\))\s*/.exec(k);
  if (m) {
    less = true;
    k = k.slice(m[0].length);
  }
  return { key: k, less };
}

function lookup(rules: Rule[], key: string, dim: Dim): Role | null | undefined {
  for (const [re, rowRole, colRole] of rules) {
    if (re.test(key)) return dim === "row" ? rowRole : colRole;
  }
  return undefined;
}

/** The part of a total label that names what is totalled ("輸出計" -> "輸出"), or null. */
function stripTotal(key: string): string | null {
  let m = /^(.*?)\s*(合計|小計|計)$/.exec(key);
  if (m) return m[1];
  m = /^(小計|合計)\s*(.*)$/.exec(key);
  if (m) return m[2];
  if (/^(total|totals|sum|grand total)$/.test(key)) return "";
  m = /^(grand )?(sub)?total (of )?(.*)$/.exec(key);
  if (m) return m[4];
  m = /^(.*) (sub)?total$/.exec(key);
  if (m) return m[1];
  m = /^sum (of )?(.*)$/.exec(key);
  if (m) return m[2];
  return null;
}

/** Role of a row or column label from the dictionaries, or null when the label is unknown. */
export function classifyLabel(text: string, dim: Dim): LabelClass | null {
  const memo = classified[dim];
  let c = memo.get(text);
  if (c === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, (c = classify(text, dim)));
  }
  // A copy: callers may add to what they get.
  return c && { ...c };
}

/** Labels already classified, by direction: every pass that looks for the table asks about the
 * same labels, and each answer is some fifty regular expressions. classify depends on its
 * arguments only; the maps are emptied when they grow past MEMO_MAX. */
const classified: Record<Dim, Map<string, LabelClass | null>> = { row: new Map(), col: new Map() };
const MEMO_MAX = 100_000;

function classify(text: string, dim: Dim): LabelClass | null {
  const { key, less } = dictKey(text);
  if (key === "") return null;
  const special = lookup(SPECIAL, key, dim);
  if (special) return { role: special };
  if (GVA.some((re) => re.test(key))) return dim === "row" ? { role: "subtotal", totalOf: "value-added" } : null;
  const core = stripTotal(key);
  if (core !== null) {
    const of = core === "" ? undefined : lookup(DIRECT, core, dim);
    return of && of !== "subtotal" && of !== "ignore" ? { role: "subtotal", totalOf: of } : { role: "subtotal" };
  }
  const direct = lookup(DIRECT, key, dim);
  if (direct) return { role: direct };
  // A deduction in the final-demand block that the dictionary does not name ((控除)都民支出,
  // (控除)都事業所家計外消費支出): what the region buys from outside, i.e. imports (MODELS.md §2).
  if (less && dim === "col") return { role: "import" };
  return null;
}
