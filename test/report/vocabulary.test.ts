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
import { allJudgementParameters } from "../../src/engine/security";
import { ALL_ROLES } from "../../src/engine/table/types";
import { readGridFile } from "../../src/workbook/xlsx";
import { xmlUnescape } from "../../src/workbook/xlsx/xmlText";
import { run, tempDir } from "../cli/helpers";
import { SAMPLE } from "./deliverable/fixture";
import { codeVocabulary, DEFAULTS, FILE_NAME, jaFindings } from "./vocabularyRules";

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
        const hits = jaFindings(text, vocabulary);
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
