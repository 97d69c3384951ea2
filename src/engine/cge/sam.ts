// A social accounting matrix (CGE.md section 1) read from a grid: square, labelled, row = receiving
// account, column = paying account. Reserved labels name the institutions; every other label is a
// good unless a mapping says otherwise. The SAM must balance (row sum = column sum per account) and
// may only hold the flows of the standard model (STDCGE); anything else is refused with its cell.

import { RippleError, RippleErrorList } from "../errors";
import { gridAddress, type Grid } from "../grid";
import { labelKey, parseNumberText, isPlaceholder } from "../table/normalize";

export type AccountRole = "good" | "factor" | "idt" | "trf" | "hoh" | "gov" | "inv" | "ext";
export const ACCOUNT_ROLES: readonly AccountRole[] = ["good", "factor", "idt", "trf", "hoh", "gov", "inv", "ext"];

/** Reserved labels (CGE.md 1), English or Japanese; matched after labelKey (width/case-insensitive). */
const RESERVED: Record<string, AccountRole> = {
  cap: "factor",
  資本: "factor",
  lab: "factor",
  労働: "factor",
  idt: "idt",
  生産税: "idt",
  trf: "trf",
  関税: "trf",
  hoh: "hoh",
  家計: "hoh",
  gov: "gov",
  政府: "gov",
  inv: "inv",
  投資: "inv",
  ext: "ext",
  海外: "ext",
};

/** The English names the results workbook gives the reserved accounts (report/cgeLabels.ts), so
 * its SAM sheet reads back in either language. */
const RESERVED_NAMES: Record<string, AccountRole> = {
  capital: "factor",
  labour: "factor",
  labor: "factor",
  "production tax": "idt",
  tariffs: "trf",
  household: "hoh",
  government: "gov",
  investment: "inv",
  "rest of world": "ext",
};
const RESERVED_KEYS = new Map<string, AccountRole>([
  ...Object.entries(RESERVED),
  ...Object.entries(RESERVED_NAMES).map(([k, r]) => [labelKey(k), r] as [string, AccountRole]),
]);

/** Mapping file for a SAM: `{"accounts": {label: role}}`, labels as they appear. */
export interface SamMapping {
  accounts?: Record<string, string>;
}

export interface Sam {
  sheet: string;
  /** Account labels in the order of the columns. */
  labels: string[];
  roles: AccountRole[];
  /** values[r][c]: payment from account c to account r (both in `labels` order). */
  values: number[][];
  /** A1 address of each entry (for messages and audit formulas). */
  cell: (r: number, c: number) => string;
}

function samError(code: string, ja: string, en: string, sheet: string, cell?: string): RippleError {
  return new RippleError(code, { ja, en }, { sheet, cell });
}

/** Role of a label: the mapping first, then the reserved vocabulary, else a good. */
function roleOf(label: string, mapping: Map<string, AccountRole>): AccountRole {
  const k = labelKey(label);
  return mapping.get(k) ?? RESERVED_KEYS.get(k) ?? "good";
}

function mappingTable(m: SamMapping | undefined, sheet: string): Map<string, AccountRole> {
  const out = new Map<string, AccountRole>();
  for (const [label, role] of Object.entries(m?.accounts ?? {})) {
    const r = role.trim().toLowerCase() as AccountRole;
    if (!ACCOUNT_ROLES.includes(r))
      throw samError(
        "cge.mapping-role",
        `マッピングの「${label}」の役割「${role}」は使えません。使える役割: ${ACCOUNT_ROLES.join(", ")}。`,
        `mapping: role '${role}' of '${label}' is not one of ${ACCOUNT_ROLES.join(", ")}.`,
        sheet,
      );
    out.set(labelKey(label), r);
  }
  return out;
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** Header row: the first row with at least two text labels one of which also labels a row below
 * (in the column left of the first label), so title and note rows above the matrix are skipped. */
function findHeader(grid: Grid): { r0: number; c0: number } {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    const labels = row.map((v, c) => (c > 0 && typeof v === "string" && v.trim() !== "" ? c : -1)).filter((c) => c >= 0);
    if (labels.length < 2) continue;
    const c0 = labels[0] - 1;
    const keys = new Set(labels.map((c) => labelKey(String(row[c]))));
    const below = grid.values.slice(r + 1).some((rw) => typeof rw[c0] === "string" && keys.has(labelKey(rw[c0] as string)));
    if (below) return { r0: r, c0 };
  }
  throw samError(
    "cge.sam-no-header",
    "SAM の見出し行（勘定名の並んだ行）が見つかりません。1 行目に勘定名、1 列目に同じ勘定名を並べてください。",
    "no SAM header found: put the account labels across the first row and down the first column.",
    grid.sheet,
  );
}

function cellNumber(grid: Grid, r: number, c: number): number {
  const v = grid.values[r]?.[c] ?? null;
  if (v === null || v === "") return 0;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw samError("cge.sam-number", "数値ではありません。", "not a finite number.", grid.sheet, gridAddress(grid, r, c));
    return v;
  }
  if (typeof v === "string") {
    if (v.trim() === "" || isPlaceholder(v)) return 0;
    const x = parseNumberText(v);
    if (x !== null) return x;
  }
  throw samError(
    "cge.sam-text",
    `数値の欄に「${String(v)}」があります。数値か空欄にしてください。`,
    `'${String(v)}' in a numeric cell: enter a number or leave it empty.`,
    grid.sheet,
    gridAddress(grid, r, c),
  );
}

/** Read, check labels and balance. Structure against the model is checked by `samFlows`. */
export function readSam(grid: Grid, mapping?: SamMapping): Sam {
  const map = mappingTable(mapping, grid.sheet);
  const { r0, c0 } = findHeader(grid);
  const header = grid.values[r0];
  const colIdx: number[] = [];
  const labels: string[] = [];
  for (let c = c0 + 1; c < header.length; c++) {
    const t = text(header[c]);
    if (t === "") continue;
    colIdx.push(c);
    labels.push(t);
  }
  const keys = labels.map(labelKey);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i)
      throw samError("cge.sam-duplicate", `勘定「${labels[i]}」が 2 回あります。`, `account '${labels[i]}' appears twice.`, grid.sheet, gridAddress(grid, r0, colIdx[i]));
  });
  // Row labels: every non-empty label cell below the header; each must be a column account.
  const rowOf = new Map<string, number>();
  for (let r = r0 + 1; r < grid.values.length; r++) {
    const t = text(grid.values[r]?.[c0]);
    if (t === "") continue;
    const k = labelKey(t);
    if (!keys.includes(k))
      throw samError(
        "cge.sam-row-unknown",
        `行の勘定「${t}」が見出し行にありません。SAM は行と列に同じ勘定を並べた正方行列です。`,
        `row account '${t}' is not among the column accounts: a SAM has the same accounts across and down.`,
        grid.sheet,
        gridAddress(grid, r, c0),
      );
    if (rowOf.has(k))
      throw samError("cge.sam-duplicate", `行の勘定「${t}」が 2 回あります。`, `row account '${t}' appears twice.`, grid.sheet, gridAddress(grid, r, c0));
    rowOf.set(k, r);
  }
  const missing = labels.filter((_, i) => !rowOf.has(keys[i]));
  if (missing.length)
    throw samError(
      "cge.sam-row-missing",
      `行に勘定がありません: ${missing.join(", ")}。`,
      `no row for account(s) ${missing.join(", ")}.`,
      grid.sheet,
      gridAddress(grid, r0, c0),
    );
  const rows = keys.map((k) => rowOf.get(k)!);
  const values = rows.map((r) => colIdx.map((c) => cellNumber(grid, r, c)));
  const sam: Sam = {
    sheet: grid.sheet,
    labels,
    roles: labels.map((l) => roleOf(l, map)),
    values,
    cell: (r, c) => gridAddress(grid, rows[r], colIdx[c]),
  };
  checkBalance(sam);
  return sam;
}

/** Every account's receipts (row) equal its payments (column), to 1e-9 of the larger. */
export function checkBalance(sam: Sam): void {
  const n = sam.labels.length;
  const problems: RippleError[] = [];
  for (let a = 0; a < n; a++) {
    let row = 0;
    let col = 0;
    let scale = 0;
    for (let b = 0; b < n; b++) {
      row += sam.values[a][b];
      col += sam.values[b][a];
      scale = Math.max(scale, Math.abs(sam.values[a][b]), Math.abs(sam.values[b][a]));
    }
    if (Math.abs(row - col) > 1e-9 * Math.max(Math.abs(row), Math.abs(col), scale, 1e-300)) {
      const l = sam.labels[a];
      problems.push(
        samError(
          "cge.sam-unbalanced",
          `勘定「${l}」の行和 ${row} と列和 ${col} が一致しません（差 ${row - col}）。`,
          `account '${l}': row sum ${row} ≠ column sum ${col} (gap ${row - col}).`,
          sam.sheet,
          sam.cell(a, a),
        ),
      );
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new RippleErrorList("cge.sam-unbalanced", problems);
}
