// Entry of the task pane bundle: wait for Office, pick the language from Office's display
// language, and render the pane in Fluent's light theme.

import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { createI18n } from "./i18n";
import { displayLanguage } from "../workbook/office/gateway";

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

// The promise form: office.js also takes a callback, but every host (and the test fake) returns the promise.
void Office.onReady().then(mount);
