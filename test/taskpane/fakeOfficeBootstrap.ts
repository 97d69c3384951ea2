// Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser
// test: installs the recording fake Excel/Office on window with the workbook the test put in
// window.__rippleFakeInit, and exposes the workbook as window.__fakeWorkbook for assertions.

import { installFakeOffice, type FakeOptions, type InitialSheet } from "../workbook/office/fakeExcel";

interface FakeInit {
  workbook: Record<string, InitialSheet>;
  options?: FakeOptions;
}

const w = window as unknown as Record<string, unknown>;
const init = w.__rippleFakeInit as FakeInit | undefined;
if (!init) throw new Error("fake office.js: window.__rippleFakeInit is missing");
w.__fakeWorkbook = installFakeOffice(window, init.workbook, init.options);

// The shared runtime's CustomFunctions namespace, which office.js provides; the functions
// bundle may register its implementations with it at load.
const associated: string[] = [];
w.__associatedFunctions = associated;
if (w.CustomFunctions === undefined) {
  w.CustomFunctions = {
    associate: (id: string | Record<string, unknown>) => {
      if (typeof id === "string") associated.push(id);
      else associated.push(...Object.keys(id));
    },
  };
}
