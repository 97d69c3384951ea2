// The messages shown instead of the pane when it cannot run, in both languages (without Office
// the display language is unknown), as plain DOM: React may not be able to start either.

import type { Bilingual } from "../engine/errors";

export const PROBLEMS = {
  officeMissing: {
    ja: "Office の部品（office.js）を読み込めませんでした。ネットワークやプロキシが https://appsforoffice.microsoft.com を遮断していないか、情報システム担当にご確認ください。Excel を再起動すると直ることもあります。",
    en: "Office's script (office.js) could not be loaded. Ask your IT team whether the network or proxy blocks https://appsforoffice.microsoft.com; restarting Excel may also help.",
  },
  notInOffice: {
    ja: "このページは Excel のアドインです。Excel の［ホーム］＞［経済波及効果］から開いてください（ブラウザーで直接開いても動きません）。",
    en: "This page is an Excel add-in. Open it from Excel (Home > Ripple effects); it does not run when opened directly in a browser.",
  },
  notExcel: {
    ja: "Ripple は Excel 専用のアドインです。Excel で開いてください。",
    en: "Ripple is an add-in for Excel only. Open it in Excel.",
  },
  slow: {
    ja: "Excel との接続を待っています…。しばらくしても表示されない場合は、作業ウィンドウを閉じて開き直してください。",
    en: "Waiting for Excel… If the pane does not appear, close it and open it again.",
  },
} satisfies Record<string, Bilingual>;

/** Replaces the pane's content with the message, announced to screen readers. */
export function showProblem(text: Bilingual): void {
  const root = document.getElementById("root") ?? document.body;
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "pane-unavailable");
  box.style.cssText = "font-family: 'Segoe UI', 'Meiryo', sans-serif; padding: 12px; line-height: 1.5;";
  for (const [lang, s] of [["ja", text.ja], ["en", text.en]] as const) {
    const p = document.createElement("p");
    p.lang = lang;
    p.textContent = s;
    box.appendChild(p);
  }
  root.replaceChildren(box);
}
