// Every string the task pane shows, Japanese first, English second, assembled from one file per
// area under i18n/ (what no tab owns, the table steps, the analysis steps, then one per tab). The
// initial language is Office's display language (via the gateway); the header switch changes it
// at any time.

import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../engine/errors";
import { ANALYSIS_EN, ANALYSIS_JA } from "./i18n/analysis";
import { CGE_EN, CGE_JA } from "./i18n/cge";
import { COMMON_EN, COMMON_JA } from "./i18n/common";
import { DISRUPTION_EN, DISRUPTION_JA } from "./i18n/disruption";
import { MARKET_EN, MARKET_JA } from "./i18n/market";
import { PLANS_EN, PLANS_JA } from "./i18n/plans";
import { TABLE_EN, TABLE_JA } from "./i18n/table";

const ja = {
  ...COMMON_JA,
  ...TABLE_JA,
  ...ANALYSIS_JA,
  ...PLANS_JA,
  ...MARKET_JA,
  ...DISRUPTION_JA,
  cge: CGE_JA,
};

// Each area's English is typed by its Japanese, so a key missing in either language fails to compile.
const en: typeof ja = {
  ...COMMON_EN,
  ...TABLE_EN,
  ...ANALYSIS_EN,
  ...PLANS_EN,
  ...MARKET_EN,
  ...DISRUPTION_EN,
  cge: CGE_EN,
};

export const resources = { ja: { translation: ja }, en: { translation: en } } as const;

/** A fresh i18next instance in the given language (fresh so tests and the pane do not share). */
export function createI18n(lang: Lang): I18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: "en",
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false, // resources are inline, so init synchronously before the first render
    returnNull: false,
    // Role keys are the TABLES.md codes, which contain ':' (fd:household, va:compensation);
    // with i18next's default nsSeparator ':' they were read as namespace "roleName.fd" and the
    // raw code was shown. The pane uses a single namespace, so no separator is needed.
    nsSeparator: false,
  });
  return inst;
}
