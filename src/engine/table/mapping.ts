// Mappings (TABLES.md): label -> role for rows and columns, as the user confirmed them. A label
// may be "code name", the code or the name, written as in the table (width/case-insensitive).

import { RippleError } from "../errors";
import { codeKey, labelKey } from "./normalize";
import { ALL_ROLES, type Line, type Role, type TableLayout, type TableMapping } from "./types";

interface Labelled {
  code: string | null;
  name: string;
  labels?: string[];
}

/** Every key under which a line can be named. */
export function lineKeys(l: Labelled): Set<string> {
  const keys = new Set<string>();
  const add = (t: string | null | undefined) => {
    if (t && t.trim() !== "") {
      keys.add(labelKey(t));
      keys.add(codeKey(t));
    }
  };
  add(l.name);
  add(l.code);
  if (l.code && l.name) {
    add(`${l.code} ${l.name}`);
    add(`${l.code}${l.name}`);
  }
  for (const t of l.labels ?? []) add(t);
  return keys;
}

function mappingKey(label: string): string[] {
  return [labelKey(label), codeKey(label)];
}

/** The mapping entry naming this line, if any. */
export function findMappingRole(table: Record<string, Role>, line: Labelled): { label: string; role: Role } | null {
  const keys = lineKeys(line);
  for (const [label, role] of Object.entries(table)) {
    if (mappingKey(label).some((k) => keys.has(k))) return { label, role };
  }
  return null;
}

export function unusedMappingLabels(table: Record<string, Role> | undefined, hits: Set<string>): string[] {
  return table ? Object.keys(table).filter((l) => !hits.has(l)) : [];
}

export function validateMapping(mapping: TableMapping, sheet: string): void {
  for (const [part, table] of [
    ["rows", mapping.rows],
    ["cols", mapping.cols],
  ] as const) {
    for (const [label, role] of Object.entries(table ?? {})) {
      if (!(ALL_ROLES as readonly string[]).includes(role)) {
        throw new RippleError(
          "table.mapping-role-invalid",
          {
            ja: `マッピング（${part}）の「${label}」の役割「${role}」は使えません。使える役割: ${ALL_ROLES.join(", ")}。`,
            en: `Mapping (${part}) gives '${label}' the role '${role}', which does not exist. Roles: ${ALL_ROLES.join(", ")}.`,
          },
          { sheet },
        );
      }
    }
  }
  if (mapping.importType && mapping.importType !== "competitive" && mapping.importType !== "domestic") {
    throw new RippleError(
      "table.mapping-import-type",
      {
        ja: `マッピングの importType は "competitive" か "domestic" にしてください（「${String(mapping.importType)}」は使えません）。`,
        en: `The mapping's importType must be "competitive" or "domestic" (not '${String(mapping.importType)}').`,
      },
      { sheet },
    );
  }
}

function mappingLabel(l: Line): string {
  if (l.code && l.name && l.name !== l.code) return `${l.code} ${l.name}`;
  return l.name || l.code || l.address;
}

/** The mapping that reproduces a (confirmed) layout, to be saved and reused. */
export function layoutToMapping(layout: TableLayout): TableMapping {
  const rows: Record<string, Role> = {};
  const cols: Record<string, Role> = {};
  for (const l of layout.rows) if (l.name || l.code) rows[mappingLabel(l)] = l.role;
  for (const l of layout.cols) if (l.name || l.code) cols[mappingLabel(l)] = l.role;
  return { rows, cols, importType: layout.importType, ...(layout.dropZeroOutput ? { dropZeroOutput: true } : {}) };
}
