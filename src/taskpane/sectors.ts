// Sector labels as the pane offers them in drop-downs ("03 製造業" when the table has codes, as
// the sample workbook writes them), and the pane's default choices of sectors by their names.

import type { Bilingual } from "../engine/errors";
import { labelKey } from "../engine/table/normalize";
import type { IOTable } from "../engine/table/types";

/** "code name" when the table has codes, else the sector's label; the engine matches both. */
export function sectorLabels(table: IOTable): string[] {
  return table.sectors.map((s) => (s.code ? `${s.code} ${s.name}` : s.label));
}

/** First sector whose code, name or label contains one of the words (any width or case). */
export function findSectorByWords(table: IOTable, words: string[]): number | null {
  const keys = table.sectors.map((s) => labelKey(`${s.code ?? ""} ${s.name} ${s.label}`));
  for (const w of words) {
    const i = keys.findIndex((k) => k.includes(labelKey(w)));
    if (i >= 0) return i;
  }
  return null;
}

/** The sector magnet output enters by default, as the command line chooses it (src/cli/market.ts
 * chooseMagnetSector): one named 磁石/magnet, else manufacturing; null when neither exists. */
export function defaultMagnetSector(table: IOTable): { index: number; reason: Bilingual } | null {
  const magnet = findSectorByWords(table, ["磁石", "magnet"]);
  if (magnet !== null)
    return { index: magnet, reason: { ja: "既定：部門名に「磁石」/magnet を含む部門", en: "default: the sector whose label contains 磁石/magnet" } };
  const manuf = findSectorByWords(table, ["製造業", "manufacturing"]);
  if (manuf !== null)
    return {
      index: manuf,
      reason: {
        ja: "既定：磁石の部門がないため製造業（磁石は製造業の平均的な投入構造とみなす。タスクペインで変更可、部門分割で固有の投入構造を与えられます）",
        en: "default: no magnet sector, so manufacturing (magnets take manufacturing's average input structure; change it in the task pane, or split a sector for their own)",
      },
    };
  return null;
}

/** Default sectors of the standard capex converter: construction (plant buildings), machinery
 * (equipment) and other (engineering, installation: services); null where none is named so. */
export function defaultConverterSectors(table: IOTable): { construction: number | null; machinery: number | null; other: number | null } {
  return {
    construction: findSectorByWords(table, ["建設", "construction"]),
    machinery: findSectorByWords(table, ["機械", "machinery", "製造業", "manufacturing"]),
    other: findSectorByWords(table, ["対事業所サービス", "business services", "サービス", "services", "service"]),
  };
}
