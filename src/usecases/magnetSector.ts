// The sector magnet output enters, chosen once for every host and job (market, security, the
// pane's drop-down default): the user's choice, else a sector whose label says 磁石/magnet (the
// split sector of 部門分割 when the workbook has one), else manufacturing, with the reason the
// method sheet prints.

import { RippleError, type Bilingual } from "../engine/errors";
import { findSector } from "../engine/projects/parse";
import { labelKey } from "../engine/table/normalize";
import type { IOTable } from "../engine/table/types";

export type Host = "cli" | "addin";

export interface MagnetSector {
  index: number;
  label: string;
  reason: Bilingual;
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

const WHERE_TO_CHANGE: Record<Host, Bilingual> = {
  cli: { ja: "--magnet-sector で変更可", en: "change with --magnet-sector" },
  addin: { ja: "タスクペインで変更可", en: "change it in the task pane" },
};

/** The default: 磁石/magnet, else manufacturing; null when the table names neither. */
export function defaultMagnetSector(table: IOTable, host: Host = "cli"): MagnetSector | null {
  const at = (index: number, reason: Bilingual): MagnetSector => ({ index, label: table.sectors[index].label, reason });
  const magnet = findSectorByWords(table, ["磁石", "magnet"]);
  if (magnet !== null)
    return at(magnet, { ja: "既定：部門名に「磁石」/magnet を含む部門", en: "default: the sector whose label contains 磁石/magnet" });
  const manuf = findSectorByWords(table, ["製造業", "manufacturing"]);
  if (manuf === null) return null;
  const change = WHERE_TO_CHANGE[host];
  return at(manuf, {
    ja: `既定：磁石の部門がないため製造業（磁石は製造業の平均的な投入構造とみなす。${change.ja}、部門分割で固有の投入構造を与えられます）`,
    en: `default: no magnet sector, so manufacturing (magnets take manufacturing's average input structure; ${change.en}, or split a sector for their own)`,
  });
}

/** The user's sector (a code, name or "code name" of the table), else the default; refused,
 * saying what to do, when neither exists. */
export function chooseMagnetSector(table: IOTable, label: string | null | undefined, host: Host = "cli"): MagnetSector {
  const cli = host === "cli";
  if (label !== undefined && label !== null && label.trim() !== "") {
    const i = findSector(table, label);
    if (i === null)
      throw new RippleError("magnet-sector-unknown", {
        ja: `${cli ? "--magnet-sector の" : "磁石の"}部門「${label}」が表にありません。表の部門コードか名称を指定してください。`,
        en: `the ${cli ? "--magnet-sector" : "magnet sector"} '${label}' is not a sector of the table; give a code or name of the table.`,
      });
    return {
      index: i,
      label: table.sectors[i].label,
      reason: cli
        ? { ja: "--magnet-sector で利用者が指定", en: "chosen by the user with --magnet-sector" }
        : { ja: "タスクペインで利用者が指定", en: "chosen by the user in the task pane" },
    };
  }
  const def = defaultMagnetSector(table, host);
  if (def) return def;
  throw new RippleError("magnet-sector-missing", {
    ja: `磁石の生産を入れる部門が見つかりません（「磁石」も「製造業」もありません）。${cli ? "--magnet-sector で部門を指定してください。" : "部門を選んでください。"}`,
    en: `no sector for magnet output was found (neither 'magnet' nor 'manufacturing'); ${cli ? "name one with --magnet-sector." : "choose one."}`,
  });
}
