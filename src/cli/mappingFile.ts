// The --map file of TABLES.md: { "rows": {label: role}, "cols": {label: role}, "importType"?,
// "dropZeroOutput"? }.
// Checked here so that a typo in a role names the file and the label, not a later symptom.
import { resolve } from "node:path";
import { RippleError } from "../engine/errors";
import { ALL_ROLES, type Role, type TableMapping } from "../engine/table/types";

const ROLE_SET = new Set<string>([...ALL_ROLES, "import"]);

function bad(file: string, ja: string, en: string): RippleError {
  return new RippleError("mapping-file", { ja, en }, { file });
}

export function parseMappingFile(text: string, file: string): TableMapping {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw bad(
      file,
      `JSON として読めません（${why}）。{"rows": {...}, "cols": {...}} の形で書いてください。`,
      `not valid JSON (${why}). Write it as {"rows": {...}, "cols": {...}}.`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw bad(file, `{"rows": {...}, "cols": {...}} の形のオブジェクトにしてください。`, `must be an object {"rows": {...}, "cols": {...}}.`);
  const obj = data as Record<string, unknown>;
  const out: TableMapping = {};
  for (const key of Object.keys(obj)) {
    if (key !== "rows" && key !== "cols" && key !== "importType" && key !== "dropZeroOutput")
      throw bad(
        file,
        `不明なキー "${key}" があります。使えるのは rows, cols, importType, dropZeroOutput です。`,
        `unknown key "${key}"; use rows, cols, importType and dropZeroOutput.`,
      );
  }
  for (const axis of ["rows", "cols"] as const) {
    const part = obj[axis];
    if (part === undefined) continue;
    if (typeof part !== "object" || part === null || Array.isArray(part))
      throw bad(file, `"${axis}" は {ラベル: 役割} のオブジェクトにしてください。`, `"${axis}" must be an object {label: role}.`);
    const roles: Record<string, Role> = {};
    for (const [label, role] of Object.entries(part as Record<string, unknown>)) {
      if (typeof role !== "string" || !ROLE_SET.has(role))
        throw bad(
          file,
          `${axis} の "${label}" の役割 "${String(role)}" は使えません。使える役割: ${[...ROLE_SET].join(", ")}`,
          `role "${String(role)}" for ${axis === "rows" ? "row" : "column"} "${label}" is not known. Roles: ${[...ROLE_SET].join(", ")}`,
        );
      roles[label] = role as Role;
    }
    out[axis] = roles;
  }
  if (obj.importType !== undefined) {
    if (obj.importType !== "competitive" && obj.importType !== "domestic")
      throw bad(file, `importType は "competitive" か "domestic" にしてください。`, `importType must be "competitive" or "domestic".`);
    out.importType = obj.importType;
  }
  if (obj.dropZeroOutput !== undefined) {
    if (typeof obj.dropZeroOutput !== "boolean")
      throw bad(file, `dropZeroOutput は true か false にしてください。`, `dropZeroOutput must be true or false.`);
    out.dropZeroOutput = obj.dropZeroOutput;
  }
  return out;
}

/** The mapping of a run: the --map file, if any, with --drop-zero-output folded in. */
export async function loadMapping(
  args: { map?: string; dropZeroOutput?: boolean },
  cwd: string,
  readText: (path: string, typed: string) => Promise<string>,
): Promise<TableMapping | undefined> {
  const mapping = args.map ? parseMappingFile(await readText(resolve(cwd, args.map), args.map), args.map) : undefined;
  if (!args.dropZeroOutput) return mapping;
  return { ...(mapping ?? {}), dropZeroOutput: true };
}
