// Typed errors and warnings of the engine. Each carries its text in both languages and the
// place it refers to; the edges (task pane, worksheet functions, CLI) choose the language and
// map the kind to their own form (#VALUE!/#NUM!, exit code, message bar).

export type Lang = "ja" | "en";

export interface Where {
  file?: string;
  sheet?: string;
  /** A1 address or range, e.g. "C5" or "C5:P5". */
  cell?: string;
}

export interface Bilingual {
  ja: string;
  en: string;
}

/** input: the user's data or parameters are wrong; numeric: the data are readable but the model
 * cannot be solved (singular, non-productive); cancelled: the user stopped the run. */
export type ErrorKind = "input" | "numeric" | "cancelled";

export class RippleError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly text: Bilingual;
  readonly where: Where;

  constructor(code: string, text: Bilingual, where: Where = {}, kind: ErrorKind = "input") {
    super(formatMessage(text, where, "en"));
    this.name = "RippleError";
    this.code = code;
    this.kind = kind;
    this.text = text;
    this.where = where;
  }

  /** One line: place first, then what is wrong and what to do. */
  format(lang: Lang): string {
    return formatMessage(this.text, this.where, lang);
  }
}

/** Several problems found in one pass (e.g. every bad project row), reported together. */
export class RippleErrorList extends RippleError {
  readonly problems: RippleError[];
  constructor(code: string, problems: RippleError[]) {
    const n = problems.length;
    super(
      code,
      { ja: `${n} 件の問題があります`, en: `${n} problem${n === 1 ? "" : "s"} found` },
      problems[0]?.where ?? {},
      "input",
    );
    this.problems = problems;
  }
  override format(lang: Lang): string {
    return [formatMessage(this.text, {}, lang), ...this.problems.map((p) => "  " + p.format(lang))].join("\n");
  }
}

export interface RippleWarning {
  code: string;
  text: Bilingual;
  where?: Where;
}

export function warningText(w: RippleWarning, lang: Lang): string {
  return formatMessage(w.text, w.where ?? {}, lang);
}

export function formatWhere(where: Where, lang: Lang): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet) parts.push(lang === "ja" ? `シート「${where.sheet}」` : `sheet '${where.sheet}'`);
  if (where.cell) parts.push(lang === "ja" ? `セル ${where.cell}` : `cell ${where.cell}`);
  return parts.join(lang === "ja" ? " " : ", ");
}

export function formatMessage(text: Bilingual, where: Where, lang: Lang): string {
  const place = formatWhere(where, lang);
  return place ? `${place}: ${text[lang]}` : text[lang];
}

/** Thrown by long computations when their AbortSignal fires. */
export function cancelledError(): RippleError {
  return new RippleError("cancelled", { ja: "中止しました", en: "Cancelled" }, {}, "cancelled");
}
