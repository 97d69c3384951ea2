// Entry of the task pane bundle: wait for Office, pick the language from Office's display
// language, and render the pane in Fluent's light theme. When the pane cannot run (office.js did
// not load — blocked by a proxy or offline —, the page is open outside Excel, or Office runs it in
// the retired Internet Explorer engine), a message in both languages says so instead of a blank pane.

import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { createI18n } from "./i18n";
import { displayLanguage } from "../workbook/office/gateway";
import { PROBLEMS, showProblem } from "./unavailable";

function mount(): void {
  const el = document.getElementById("root");
  if (!el) throw new Error("taskpane.html has no <div id=\"root\">");
  const i18n = createI18n(displayLanguage());
  createRoot(el).render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    </I18nextProvider>,
  );
}

/** How long Office.onReady may take before the pane says it is still waiting (it keeps waiting). */
const READY_TIMEOUT_MS = 20_000;

function start(): void {
  // taskpane.html's inline script sets this for Internet Explorer 11 (Office 2016/2019 on older
  // Windows), whose message it has already shown; the bundle does not run there.
  if ((window as unknown as { __rippleLegacyBrowser?: boolean }).__rippleLegacyBrowser) return;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    showProblem(PROBLEMS.officeMissing);
    return;
  }
  let ready = false;
  const slow = setTimeout(() => !ready && showProblem(PROBLEMS.slow), READY_TIMEOUT_MS);
  // The promise form: office.js also takes a callback, but every host (and the test fake) returns the promise.
  Office.onReady().then(
    (info) => {
      ready = true;
      clearTimeout(slow);
      // host is null when the page is opened in a browser rather than in Office.
      if (info.host === null || info.host === undefined) showProblem(PROBLEMS.notInOffice);
      else if (String(info.host) !== "Excel") showProblem(PROBLEMS.notExcel);
      else mount();
    },
    () => {
      ready = true;
      clearTimeout(slow);
      showProblem(PROBLEMS.officeMissing);
    },
  );
}

start();
