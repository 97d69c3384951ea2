// The language of messages and of the results workbook: --lang, else the locale (LC_ALL,
// LC_MESSAGES, LANG: ja* -> Japanese), else English, so that a Japanese desktop gets Japanese
// and a CI log with LANG=C stays plain ASCII-friendly English.
import type { Lang } from "../engine/errors";

export function isLang(s: string | undefined): s is Lang {
  return s === "ja" || s === "en";
}

export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ja/i.test(locale) ? "ja" : "en";
}

/** Looks for --lang in raw argv so that even a usage error is reported in the chosen language. */
export function langFromArgv(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") return argv[i + 1];
    if (a.startsWith("--lang=")) return a.slice("--lang=".length);
  }
  return undefined;
}
