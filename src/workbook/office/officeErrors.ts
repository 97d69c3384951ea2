// Errors raised by Excel (OfficeExtension.Error: a `code` such as "ItemNotFound") turned into
// RippleErrors that name the sheet and say what to do. Nothing here is swallowed: every Office
// error becomes a RippleError carrying Excel's own code and message.

import { type Bilingual, RippleError, type Where } from "../../engine/errors";

/** Excel's error code (OfficeExtension.Error.code), or null for other errors. */
export function officeCode(e: unknown): string | null {
  if (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string")
    return (e as { code: string }).code;
  return null;
}

function officeMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Excel on the web refused a request or a response over 5 MB. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeCode(e);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    /payload size/i.test(officeMessage(e))
  );
}

export function sheetNotFound(sheet: string): RippleError {
  return new RippleError(
    "sheet-not-found",
    {
      ja: "このシートがブックにありません。シート名を確かめるか、シートの一覧から選び直してください",
      en: "this sheet is not in the workbook; check its name or choose it again from the list of sheets",
    },
    { sheet },
  );
}

export function sheetEmpty(sheet: string, cell?: string): RippleError {
  return new RippleError(
    "range-empty",
    cell
      ? { ja: "指定した範囲に値がありません。表のある範囲を選んでください", en: "the range holds no values; select the range that holds the table" }
      : { ja: "シートに値がありません。表のあるシートを選んでください", en: "the sheet holds no values; choose the sheet that holds the table" },
    cell ? { sheet, cell } : { sheet },
  );
}

export function excelUnavailable(): RippleError {
  return new RippleError("excel-unavailable", {
    ja: "Excel が見つかりません。Ripple のこの機能は Excel の作業ウィンドウから使ってください",
    en: "Excel is not available; use this part of Ripple from the Excel task pane",
  });
}

/** Any error met while talking to Excel, as a RippleError. `doing` says what Ripple was doing
 * (e.g. "reading the table"); `where` names the sheet (and range) concerned. */
export function fromOffice(e: unknown, where: Where, doing: Bilingual): RippleError {
  if (e instanceof RippleError) return e;
  const code = officeCode(e);
  const detail = `${code ?? "Error"}: ${officeMessage(e)}`;
  if (code === "ItemNotFound" && where.sheet && !where.cell) return sheetNotFound(where.sheet);
  if (code === "InvalidArgument" && where.cell)
    return new RippleError(
      "bad-range",
      {
        ja: `${doing.ja}ときに Excel が範囲を受け付けませんでした (${detail})。「B3:N20」のような範囲を指定してください`,
        en: `Excel did not accept the range while ${doing.en} (${detail}); give a range such as "B3:N20"`,
      },
      where,
    );
  if (code === "InvalidSelection")
    return new RippleError(
      "bad-selection",
      {
        ja: "選択範囲を読めません。表の範囲を 1 つだけ (長方形で) 選んでからもう一度実行してください",
        en: "the selection cannot be read; select a single rectangular range holding the table and try again",
      },
      where,
    );
  if (isPayloadTooLarge(e))
    return new RippleError(
      "payload-too-large",
      {
        ja: `${doing.ja}ときにデータが Excel の 1 回の転送上限 (5 MB) を超えました (${detail})。範囲を小さくするか、デスクトップ版 Excel で実行してください`,
        en: `the data exceeded Excel's 5 MB per-request limit while ${doing.en} (${detail}); use a smaller range or Excel for desktop`,
      },
      where,
    );
  return new RippleError(
    "excel-error",
    {
      ja: `${doing.ja}ときに Excel がエラーを返しました (${detail})。ブックが編集中 (セル入力中) でないか確かめて、もう一度実行してください`,
      en: `Excel returned an error while ${doing.en} (${detail}); make sure no cell is being edited and try again`,
    },
    where,
  );
}
