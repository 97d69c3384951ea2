// One language per workbook: `ripple demo --lang ja` and `--lang en` (results and 公開版), and the
// CGE workbook, read back as stored (cells, sheet names, headers/footers, chart text) and scanned
// for the code's own vocabulary: parameter names of the defaults file, role ids, scenario ids,
// judgement-parameter keys, file names of the code base, "FY2025" in Japanese, and English words
// outside a list of names and units in the Japanese workbook; Japanese in the English one outside
// what the input workbook itself holds (its sector names, plan notes, sheet names).
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseParameters } from "../../src/engine/params/defaults";
import { allJudgementParameters, DEPENDENT_OUTPUT } from "../../src/engine/security";
import { defaultScenarios } from "../../src/engine/market/defaults";
import { ALL_ROLES } from "../../src/engine/table/types";
import { readGridFile } from "../../src/workbook/xlsx";
import { xmlUnescape } from "../../src/workbook/xlsx/xmlText";
import { run, tempDir } from "../cli/helpers";
import { SAMPLE } from "./deliverable/fixture";

const DEFAULTS = parseParameters(readFileSync(join(__dirname, "../../assets/data/magnet-market/defaults.csv"), "utf8"));

interface Text {
  where: string;
  text: string;
}

/** Every text a reader of the file sees: shared and inline strings, cached formula strings,
 * sheet names, headers and footers, chart titles and labels (formulas and references left out). */
async function textsOf(file: string): Promise<Text[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Text[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/(sharedStrings|workbook|worksheets\/sheet\d+|charts\/chart\d+)\.xml$/.test(name)) continue;
    let xml = await zip.file(name)!.async("string");
    xml = xml.replace(/<(c:)?f(\s[^>]*)?>[\s\S]*?<\/(c:)?f>|<c:formatCode>[^<]*<\/c:formatCode>/g, "");
    if (name === "xl/workbook.xml") {
      for (const m of xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)) out.push({ where: name, text: xmlUnescape(m[1]) });
      continue;
    }
    for (const m of xml.matchAll(/>([^<>]+)</g)) {
      // header/footer codes (&L, &P, &"-,Bold", &14) are not text
      const t = xmlUnescape(m[1])
        .replace(/&"[^"]*"|&\d+|&[LCRPNDTAFGBIUSZ]/g, " ")
        .trim();
      if (t && !/^[-+0-9.eE]+$/.test(t)) out.push({ where: name, text: t });
    }
  }
  return out;
}

/** Ids and names the code uses that an analyst should never read in a results workbook. */
function codeVocabulary(): string[] {
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

const FILE_NAME = /\b[\w./-]+\.(csv|md|ts|tsx|json|mjs|js)\b/;

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
function strayLatin(text: string): string[] {
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

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

let files: { ja: string[]; en: string[] };
let cli: { ja: string; en: string };
let inputTexts: string[];

beforeAll(async () => {
  const dir = tempDir();
  const [ja, en] = await Promise.all(
    (["ja", "en"] as const).map((lang) => run(["demo", "--lang", lang, "--out", join(dir, `demo-${lang}.xlsx`)], { cwd: dir })),
  );
  expect(ja.code, ja.err).toBe(0);
  expect(en.code, en.err).toBe(0);
  files = {
    ja: [join(dir, "demo-ja.xlsx"), join(dir, "demo-ja-公開版.xlsx")],
    en: [join(dir, "demo-en.xlsx"), join(dir, "demo-en-public.xlsx")],
  };
  cli = { ja: ja.out, en: en.out };
  const sample = await readGridFile(SAMPLE);
  inputTexts = [
    ...new Set(
      sample.sheets.flatMap((s) => [s.sheet, ...s.values.flat().filter((v): v is string => typeof v === "string").map((v) => v.trim())]),
    ),
  ]
    .filter((v) => JAPANESE.test(v))
    .sort((a, b) => b.length - a.length);
}, 240_000);

describe("the Japanese demo workbook speaks Japanese", () => {
  it("holds none of the code's ids, file names, FY labels or stray English words", async () => {
    const vocabulary = codeVocabulary();
    const found: string[] = [];
    for (const file of files.ja)
      for (const { where, text } of await textsOf(file)) {
        const hits = [
          ...vocabulary.filter((w) => text.includes(w)),
          ...(FILE_NAME.exec(text)?.slice(0, 1) ?? []),
          ...(/\bFY\s?\d{4}/.exec(text)?.slice(0, 1) ?? []),
          ...strayLatin(text),
        ];
        if (hits.length) found.push(`${file.split("/").pop()} ${where}: [${[...new Set(hits)].join(", ")}] ${text.slice(0, 120)}`);
      }
    expect(found, found.slice(0, 60).join("\n")).toEqual([]);
  });

  it("and so does the command line's summary", () => {
    const lines = cli.ja.split("\n").filter((l) => /\bFY\d{4}|probability:|april2025|\bnone\b|\bsevere\b/.test(l));
    expect(lines).toEqual([]);
  });
});

describe("the English demo workbook speaks English", () => {
  it("holds no Japanese beyond the input workbook's own text, and none of the code's ids", async () => {
    const vocabulary = [
      ...new Set(DEFAULTS.map((p) => `${p.block}/`)),
      ...ALL_ROLES.filter((r) => r.includes(":")),
      ...allJudgementParameters().map((p) => p.key),
      "april2025",
    ];
    const found: string[] = [];
    for (const file of files.en)
      for (const { where, text } of await textsOf(file)) {
        let rest = text;
        for (const t of inputTexts) if (rest.includes(t)) rest = rest.split(t).join(" ");
        const hits = [
          ...(JAPANESE.test(rest) ? [rest.slice(0, 60)] : []),
          ...vocabulary.filter((w) => text.includes(w)),
          ...(FILE_NAME.exec(text)?.slice(0, 1) ?? []),
          ...(/\d{4}年度/.exec(text)?.slice(0, 1) ?? []),
        ];
        if (hits.length) found.push(`${file.split("/").pop()} ${where}: [${hits.join(" | ")}] ${text.slice(0, 120)}`);
      }
    expect(found, found.slice(0, 60).join("\n")).toEqual([]);
  });
});
