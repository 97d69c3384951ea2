// Sector labels as the pane offers them in drop-downs ("03 製造業" when the table has codes, as
// the sample workbook writes them), and the pane's default choices of sectors by their names.

import type { Bilingual } from "../engine/errors";
import { defaultMagnetSector as defaultMagnetSectorRule, findSectorByWords } from "../usecases/magnetSector";
import type { IOTable } from "../engine/table/types";

/** "code name" when the table has codes, else the sector's label; the engine matches both. */
export function sectorLabels(table: IOTable): string[] {
  return table.sectors.map((s) => (s.code ? `${s.code} ${s.name}` : s.label));
}

export { findSectorByWords } from "../usecases/magnetSector";

/** The sector magnet output enters by default in the table as read (the drop-down's hint): the
 * one chooser of every host (usecases/magnetSector.ts). */
export function defaultMagnetSector(table: IOTable): { index: number; reason: Bilingual } | null {
  return defaultMagnetSectorRule(table, "addin");
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
