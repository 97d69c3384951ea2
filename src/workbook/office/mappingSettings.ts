// Table mappings saved inside the workbook (Excel workbook settings, ExcelApi 1.4), so a table
// recognised once is recognised the same way next time the file is opened.

import { RippleError } from "../../engine/errors";
import { ALL_ROLES, type Role, type TableMapping } from "../../engine/table/types";

/** Settings are shared by every add-in feature: ours are prefixed. */
export function mappingSettingKey(key: string): string {
  return `ripple.mapping.${key}`;
}

const ROLES = new Set<string>(ALL_ROLES);

function badMapping(key: string, why: string, whyJa: string): RippleError {
  return new RippleError("bad-saved-mapping", {
    ja: `ブックに保存された対応付け「${key}」が読めません (${whyJa})。作業ウィンドウで行と列の役割を確かめて、もう一度保存してください`,
    en: `the mapping '${key}' saved in the workbook cannot be read (${why}); check the row and column roles in the task pane and save it again`,
  });
}

function roles(v: unknown, key: string, side: "rows" | "cols"): Record<string, Role> | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw badMapping(key, `${side} is not an object`, `${side} がオブジェクトではありません`);
  const out: Record<string, Role> = {};
  for (const [label, role] of Object.entries(v)) {
    if (typeof role !== "string" || !ROLES.has(role))
      throw badMapping(key, `unknown role '${String(role)}' for '${label}'`, `「${label}」の役割「${String(role)}」は不明です`);
    out[label] = role as Role;
  }
  return out;
}

/** A saved setting value back to a mapping, checked role by role. */
export function parseMapping(raw: unknown, key: string): TableMapping {
  let v: unknown = raw;
  if (typeof raw === "string") {
    try {
      v = JSON.parse(raw);
    } catch (e) {
      throw badMapping(key, `not JSON: ${(e as Error).message}`, `JSON ではありません: ${(e as Error).message}`);
    }
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw badMapping(key, "not an object", "オブジェクトではありません");
  const o = v as Record<string, unknown>;
  const out: TableMapping = {};
  const rows = roles(o.rows, key, "rows");
  const cols = roles(o.cols, key, "cols");
  if (rows) out.rows = rows;
  if (cols) out.cols = cols;
  if (o.importType !== undefined) {
    if (o.importType !== "competitive" && o.importType !== "domestic")
      throw badMapping(key, `importType '${String(o.importType)}'`, `importType「${String(o.importType)}」`);
    out.importType = o.importType;
  }
  if (o.dropZeroOutput !== undefined) {
    if (typeof o.dropZeroOutput !== "boolean")
      throw badMapping(key, `dropZeroOutput '${String(o.dropZeroOutput)}'`, `dropZeroOutput「${String(o.dropZeroOutput)}」`);
    if (o.dropZeroOutput) out.dropZeroOutput = true;
  }
  return out;
}

export async function loadMappingIn(ctx: Excel.RequestContext, key: string): Promise<TableMapping | null> {
  const item = ctx.workbook.settings.getItemOrNullObject(mappingSettingKey(key));
  item.load("value");
  await ctx.sync();
  if (item.isNullObject) return null;
  return parseMapping(item.value, key);
}

export async function saveMappingIn(ctx: Excel.RequestContext, key: string, mapping: TableMapping): Promise<void> {
  const json = JSON.stringify(mapping);
  parseMapping(json, key); // never save what could not be loaded back
  // Stored as a JSON string: setting values of other types are serialised by Excel anyway, and a
  // string reads back identically on every host.
  ctx.workbook.settings.add(mappingSettingKey(key), json);
  await ctx.sync();
}
