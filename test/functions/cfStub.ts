// What the RIPPLE.* tests share: a stand-in for Excel's CustomFunctions global (Error carrying its
// code and message, the error codes), the Japan 2011 13-sector table the function tests use, and
// invocations carrying parameter addresses as Excel passes them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll } from "vitest";

/** What Excel's CustomFunctions.Error carries, for assertions. */
export class FakeCfError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** Installs the CustomFunctions stand-in before the file's tests. */
export function useFakeCustomFunctions(): void {
  beforeAll(() => {
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: FakeCfError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    };
  });
}

export const JAPAN_2011_CSV = readFileSync(path.resolve(__dirname, "../../../shared/data/jp-io-2011-13/io2011_13sector_ja.csv"), "utf8");

export const inv = (...addresses: string[]) => ({ parameterAddresses: addresses }) as CustomFunctions.Invocation;
