// Step 2: the recognised role of every row and column with its label cell, editable. An edit
// re-runs the recognition with the edited mapping (done by the parent); "confirm" saves it.

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
  scroll: { maxHeight: "320px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  // One line per label (the full text on hover): wrapped labels made the rows uneven.
  label: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  address: { fontFamily: tokens.fontFamilyMonospace, width: "48px" },
  role: { width: "132px" },
  source: { width: "72px", whiteSpace: "nowrap" },
  footer: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", marginTop: tokens.spacingVerticalS },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
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

export function RoleMap(p: RoleMapProps): React.ReactElement {
  const { t } = useTranslation();
  const s = useStyles();
  const [axis, setAxis] = React.useState<Axis>("rows");
  const lines = axis === "rows" ? p.layout.rows : p.layout.cols;
  return (
    <section aria-label={t("roles.heading")}>
      <TabList selectedValue={axis} onTabSelect={(_, d) => setAxis(d.value as Axis)} size="small">
        <Tab value="rows" data-testid="roles-rows">{t("roles.rows", { n: p.layout.rows.length })}</Tab>
        <Tab value="cols" data-testid="roles-cols">{t("roles.cols", { n: p.layout.cols.length })}</Tab>
      </TabList>
      <div className={s.scroll}>
        <Table size="extra-small" data-testid={`role-table-${axis}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("roles.label")}</TableHeaderCell>
              <TableHeaderCell className={s.address}>{t("roles.address")}</TableHeaderCell>
              <TableHeaderCell className={s.role}>{t("roles.role")}</TableHeaderCell>
              <TableHeaderCell className={s.source}>{t("roles.source")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={`${axis}-${line.index}`} data-address={line.address}>
                <TableCell className={s.label} title={lineLabel(line)}>{lineLabel(line)}</TableCell>
                <TableCell className={s.address}>{line.address}</TableCell>
                <TableCell className={s.role}>
                  <Select
                    size="small"
                    aria-label={`${t("roles.role")} ${line.address}`}
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
                <TableCell className={s.source}>
                  <Badge appearance="tint" color={line.source === "mapping" ? "brand" : "informative"} size="small">
                    {t(`roleSource.${line.source}`)}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={s.footer}>
        <Button appearance="primary" className={s.nowrap} data-testid="roles-confirm" onClick={p.onConfirm} disabled={p.saving}>
          {t("roles.confirm")}
        </Button>
        {p.edited && <Badge color="warning">{t("roles.edited")}</Badge>}
        {!p.edited && p.savedKey && <Text size={200}>{t("roles.saved", { key: p.savedKey })}</Text>}
      </div>
    </section>
  );
}
