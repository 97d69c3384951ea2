// Step 2: the recognised role of every row and column with its label cell, editable. Folded by
// default into one summary line (counts and 「要確認 n 件」), because at a task pane's width
// (320–400 px) fifty rows of drop-downs push everything else far down; it opens by itself when
// something needs checking. An edit re-runs the recognition (done by the parent); "confirm" saves it.

import * as React from "react";
import {
  Badge,
  Button,
  Select,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ALL_ROLES, type Line, type Role, type TableLayout } from "../../engine/table/types";

export type Axis = "rows" | "cols";

const useStyles = makeStyles({
  summary: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  scroll: { maxHeight: "320px", overflowY: "auto", overflowX: "hidden", border: `1px solid ${tokens.colorNeutralStroke2}` },
  // Fixed layout: the label column takes what the role and source columns leave, and long
  // labels end in "…" (full text on hover) instead of widening the pane.
  table: { tableLayout: "fixed", width: "100%" },
  label: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  // Under the label: its cell and how the role was decided (a third column left the labels
  // only a few pixels at 320 px).
  meta: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  address: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  role: { width: "150px" },
  select: { minWidth: 0, width: "100%" },
  footer: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", marginTop: tokens.spacingVerticalS },
});

/** The TABLES.md vocabulary, on both axes ("import" is a column in competitive tables and a
 * row in domestic-use tables). */
const ROLE_CHOICES: readonly Role[] = ALL_ROLES;

export interface RoleMapProps {
  layout: TableLayout;
  edited: boolean;
  savedKey: string | null;
  saving: boolean;
  onChangeRole(axis: Axis, line: Line, role: Role): void;
  onConfirm(): void;
}

function lineLabel(line: Line): string {
  return [line.code, line.name].filter((x) => x !== null && x !== "").join(" ");
}

/** Lines the user should look at: a role decided by position alone (not by a label, a sum or
 * the saved mapping), and lines recognition could not place (ignored with a warning). Blank
 * separator lines, ignored by position without a warning, are not counted. */
export function linesToCheck(layout: TableLayout): Line[] {
  const unknown = new Set(
    (layout.warnings ?? []).filter((w) => w.code === "table.unknown-line" && w.where?.cell).map((w) => w.where!.cell as string),
  );
  return [...layout.rows, ...layout.cols].filter(
    (l) => (l.source === "position" && l.role !== "ignore") || unknown.has(l.address),
  );
}

export function RoleMap(p: RoleMapProps): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  const [axis, setAxis] = React.useState<Axis>("rows");
  const toCheck = linesToCheck(p.layout);
  const [open, setOpen] = React.useState(toCheck.length > 0);
  const lines = axis === "rows" ? p.layout.rows : p.layout.cols;
  const sectors = p.layout.rows.filter((l) => l.role === "sector").length;
  const listId = React.useId();
  return (
    <section aria-label={t("roles.heading")}>
      <div className={s.summary} data-testid="roles-summary">
        <Text>{t("roles.summary", { rows: p.layout.rows.length, cols: p.layout.cols.length, sectors })}</Text>
        <Badge appearance="tint" color={toCheck.length > 0 ? "warning" : "success"} data-testid="roles-review">
          {t("roles.review", { n: toCheck.length })}
        </Badge>
        <Button
          size="small"
          data-testid="roles-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t("roles.hide") : t("roles.show")}
        </Button>
      </div>
      {toCheck.length > 0 && <Text size={200}>{t("roles.reviewHint")} {toCheck.map((l) => l.address).join(", ")}</Text>}
      <div id={listId} hidden={!open}>
        {open && (
          <>
            <TabList selectedValue={axis} onTabSelect={(_, d) => setAxis(d.value as Axis)} size="small">
              <Tab value="rows" data-testid="roles-rows">{t("roles.rows", { n: p.layout.rows.length })}</Tab>
              <Tab value="cols" data-testid="roles-cols">{t("roles.cols", { n: p.layout.cols.length })}</Tab>
            </TabList>
            <div className={s.scroll}>
              <Table size="extra-small" className={s.table} data-testid={`role-table-${axis}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{`${t("roles.label")} / ${t("roles.address")} / ${t("roles.source")}`}</TableHeaderCell>
                    <TableHeaderCell className={s.role}>{t("roles.role")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((line) => (
                    <TableRow key={`${axis}-${line.index}`} data-address={line.address}>
                      <TableCell className={s.label} title={`${lineLabel(line)} (${line.address})`}>
                        {lineLabel(line)}
                        <span className={s.meta}>
                          <span className={s.address}>{line.address}</span>
                          <Badge appearance="tint" color={line.source === "mapping" ? "brand" : "informative"} size="small">
                            {t(`roleSource.${line.source}`)}
                          </Badge>
                        </span>
                      </TableCell>
                      <TableCell className={s.role}>
                        <Select
                          size="small"
                          className={s.select}
                          aria-label={`${t("roles.role")} ${line.address} ${lineLabel(line)}`}
                          value={line.role}
                          onChange={(_, d) => p.onChangeRole(axis, line, d.value as Role)}
                        >
                          {ROLE_CHOICES.map((r) => (
                            <option key={r} value={r}>
                              {t(`roleName.${r}`)}
                            </option>
                          ))}
                        </Select>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        )}
      </div>
      <div className={s.footer}>
        <Button appearance="primary" data-testid="roles-confirm" onClick={p.onConfirm} disabled={p.saving}>
          {t("roles.confirm")}
        </Button>
        {p.edited && <Badge color="warning">{t("roles.edited")}</Badge>}
        {!p.edited && p.savedKey && <Text size={200}>{t("roles.saved", { key: p.savedKey })}</Text>}
      </div>
    </section>
  );
}
