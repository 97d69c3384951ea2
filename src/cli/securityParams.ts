// The user's economic-security parameters: the sheet 経済安全保障パラメータ / Security parameters of
// the input workbook (a copy of the results workbook's sheet, edited), when there is one.

import { readSecurityParameters, SECURITY_PARAMETER_SHEET } from "../engine/security";
import type { GridFile } from "../workbook/xlsx";
import { inFile } from "./analyze";

export function securityParametersOf(file: GridFile, input: string): Record<string, number> | undefined {
  const sheet = file.sheets.find(
    (g) => g.sheet.trim() === SECURITY_PARAMETER_SHEET.ja || g.sheet.trim().toLowerCase() === SECURITY_PARAMETER_SHEET.en.toLowerCase(),
  );
  return sheet ? inFile(input, () => readSecurityParameters(sheet)) : undefined;
}
