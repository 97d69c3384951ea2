// Label text as published files print it, made comparable before any matching or dictionary
// lookup. Statistics offices wrap long headers with line breaks ('家計外\n消費支出（列）'), pad
// short names with ASCII or full-width spaces to line them up (' 農      業 ', '部　　　門'),
// write 需用 for 需要 ('県内需用  合計') and print brackets in either width. None of that changes
// what the label means, so none of it may change how it is matched.

/** Characters of Japanese (and Chinese) text, with the brackets that close up to them. */
const CJK = /[\u3000-\u303F\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const BRACKET = /[()[\]]/;

/** A space between a and b is layout when both are Japanese, or one is and the other a bracket:
 * '民間消費 支出', '(控除) 移輸入'. Between Latin words ('Education NPISH', '01 農業') it stays. */
function closeUp(a: string, b: string): boolean {
  const ja = CJK.test(a) || CJK.test(b);
  return ja && (CJK.test(a) || BRACKET.test(a)) && (CJK.test(b) || BRACKET.test(b));
}

/** Every kind of whitespace: line breaks, tabs, ASCII, full-width and no-break spaces. */
const ANY_SPACE = /[\s\u00A0\u2000-\u200B\u3000\uFEFF]+/g;

/**
 * The label with its layout removed: NFKC (full-width letters, digits and brackets to ASCII,
 * half-width katakana to full width), every run of whitespace one space, no space next to a
 * Japanese character ('民間消費 支出' = '民間消費支出', '農 業' = '農業'), while words of
 * Latin text and a code before a name keep one space ('Education NPISH', '01 農業').
 */
export function normalizeLabelText(text: string): string {
  return text
    .normalize("NFKC")
    // Middle dots NFKC leaves apart ('電力·ガス·水道' typed with a Latin or a bullet dot) are the
    // Japanese 中黒 '・' (which half-width '･' already becomes).
    .replace(/[\u00B7\u2027\u2022\u2219\u22C5]/g, "\u30FB")
    .replace(ANY_SPACE, " ")
    .trim()
    .replace(/(\S) (?=(\S))/g, (m, a: string, b: string) => (closeUp(a, b) ? a : m));
}

/** Spelling variants of the same word in published tables, to their dictionary form. */
const VARIANTS: [RegExp, string][] = [
  // 需用 is an older spelling of 需要 (宮崎県 '県内需用合計').
  [/需用/g, "需要"],
  // (控除) in any bracket: （控除）, [控除], 〔控除〕, 【控除】, <控除>.
  [/[[〔【<〈]\s*控除\s*[\]〕】>〉]/g, "(控除)"],
];

/** The dictionary form of a normalised label: spelling variants unified. */
export function unifyVariants(text: string): string {
  let t = text;
  for (const [re, to] of VARIANTS) t = t.replace(re, to);
  return t;
}
