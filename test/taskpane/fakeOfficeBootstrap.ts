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
// bundle registers its implementations with it at load. They are kept by id in
// window.__customFunctions, so a test can call =RIPPLE.IMPACT(…) as Excel would, on the same page
// (and the same model registry) as the pane; a function's error is a CustomFunctions.Error.
const associated: string[] = [];
const implementations: Record<string, unknown> = {};
w.__associatedFunctions = associated;
w.__customFunctions = implementations;
class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
if (w.CustomFunctions === undefined) {
  w.CustomFunctions = {
    associate: (id: string | Record<string, unknown>, fn?: unknown) => {
      if (typeof id === "string") {
        associated.push(id);
        implementations[id] = fn;
      } else {
        associated.push(...Object.keys(id));
        Object.assign(implementations, id);
      }
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?" },
  };
}
