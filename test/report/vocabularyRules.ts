// The words a Japanese text for an analyst must not hold: the code's own vocabulary (parameter
// names of the defaults file, role ids, scenario ids, judgement-parameter keys), file names of the
// code base, and Latin words outside a list of names and units. Shared by the workbook scan
// (test/report/vocabulary.test.ts) and the pane's texts (test/taskpane/paneVocabulary.test.tsx).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseParameters } from "../../src/engine/params/defaults";
import { allJudgementParameters, DEPENDENT_OUTPUT } from "../../src/engine/security";
import { defaultScenarios } from "../../src/engine/market/defaults";
import { ALL_ROLES } from "../../src/engine/table/types";

export const DEFAULTS = parseParameters(readFileSync(join(__dirname, "../../assets/data/magnet-market/defaults.csv"), "utf8"));

/** Ids and names the code uses that an analyst should never read in a results workbook. */
export function codeVocabulary(): string[] {
  const words = new Set<string>();
  for (const p of DEFAULTS) {
    words.add(p.name);
    words.add(`${p.block}/`);
  }
  for (const r of ALL_ROLES) if (r.includes(":") || r.includes("-")) words.add(r);
  for (const p of allJudgementParameters()) words.add(p.key);
  for (const d of DEPENDENT_OUTPUT) words.add(`: ${d.application}`);
  for (const s of defaultScenarios(DEFAULTS)) words.add(`${s.name}:`);
  words.add("april2025");
  return [...words];
}

export const FILE_NAME = /\b[\w./-]+\.(csv|md|ts|tsx|json|mjs|js)\b/;

/** Names, units and symbols written in Latin letters in Japanese reports too. */
const LATIN_OK = new Set(
  (
    "GDP ID B C IO NdFeB SmCo KPI EBPM CGE SAM CES PV EV HEV BEV PHEV HDD MW kW kg t kt USD JPY CIF Excel RIPPLE Ripple SUM SUMPRODUCT MMULT INDEX ABS MAX MIN TRUE FALSE " +
    "SHA sha Type II ln min Nd NdPr Pr Dy Tb Fe Co Sm REE " +
    // authors, publishers and series of the cited sources
    "IEA USGS JSNM CSRE IMF WP GTAP GCMO Adamas Intelligence Sprecher et al Heim Vander Wal MacroPolo CJC Neomag Neo Performance Materials " +
    "Bogmans Reuters Bloomberg Lian Haimes Santos Miller Blair Leontief Armington Hosoe ES Minerals"
  ).split(" "),
);

/** Latin words of a Japanese text that are not names or units: titles quoted in 『』, web
 * addresses and .xlsx file names of the input are skipped. */
export function strayLatin(text: string): string[] {
  const t = text
    .replace(/『[^』]*』/g, "")
    .replace(/\b[\w-]+(\.[\w-]+)+(\/[\w./-]*)?/g, "")
    .replace(/[\w.-]+\.xlsx\b/g, "")
    .replace(/sha256:[0-9a-f]+/g, "")
    // cell addresses (取引基本表!AG3, A1:AG25) and subscripts (a_ij)
    .replace(/\$?\b[A-Z]{1,3}\$?\d+\b/g, "")
    .replace(/_\w+/g, "");
  return [...t.matchAll(/[A-Za-z][A-Za-z]+/g)].map((m) => m[0]).filter((w) => !LATIN_OK.has(w) && !/^P\d+$/.test(w));
}


/** Every finding in one Japanese text: code words, a file name, an FY label, stray Latin words. */
export function jaFindings(text: string, vocabulary: string[]): string[] {
  return [
    ...vocabulary.filter((w) => text.includes(w)),
    ...(FILE_NAME.exec(text)?.slice(0, 1) ?? []),
    ...(/\bFY\s?\d{4}/.exec(text)?.slice(0, 1) ?? []),
    ...strayLatin(text),
  ];
}
