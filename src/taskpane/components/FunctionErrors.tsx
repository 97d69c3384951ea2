// The last errors of the RIPPLE.* worksheet functions. Excel shows a custom message only for
// #VALUE! and #N/A; a #NUM! (the model cannot be solved) shows no text in the cell, so the full
// message (function, code, sheet and cell, what to do) is listed here, refreshed on demand.

import * as React from "react";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { recentFunctionErrors, type FunctionErrorRecord } from "../../functions/errorMapping";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  message: { whiteSpace: "pre-wrap", wordBreak: "break-word" },
});

export function FunctionErrors(): React.ReactElement {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [errors, setErrors] = React.useState<FunctionErrorRecord[]>(() => recentFunctionErrors());
  const time = new Intl.DateTimeFormat(i18n.language === "ja" ? "ja-JP" : "en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return (
    <section aria-label={t("functionErrors.heading")} className={s.col}>
      <Text size={200}>{t("functionErrors.intro")}</Text>
      <div>
        <Button size="small" data-testid="function-errors-refresh" onClick={() => setErrors(recentFunctionErrors())}>
          {t("functionErrors.refresh")}
        </Button>
      </div>
      {errors.length === 0 ? (
        <Text size={200} data-testid="function-errors-none">{t("functionErrors.none")}</Text>
      ) : (
        <Table size="extra-small" data-testid="function-errors">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("functionErrors.function")}</TableHeaderCell>
              <TableHeaderCell>{t("functionErrors.code")}</TableHeaderCell>
              <TableHeaderCell>{t("functionErrors.message")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {errors.map((e, i) => (
              <TableRow key={i}>
                <TableCell className={s.mono}>
                  RIPPLE.{e.functionName}
                  <br />
                  {time.format(e.at)}
                </TableCell>
                <TableCell className={s.mono}>
                  {e.cellError}
                  <br />
                  {e.code}
                </TableCell>
                <TableCell className={s.message}>{e.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
