// Repository and shared reference data, resolved from this file (no absolute paths).
import { join, resolve } from "node:path";

export const repoRoot = resolve(__dirname, "../..");
export const shared = resolve(repoRoot, "../shared");
export const jaCsv = join(shared, "data/jp-io-2011-13/io2011_13sector_ja.csv");
export const enCsv = join(shared, "data/jp-io-2011-13/io2011_13sector_en.csv");
export const beutelCsv = join(shared, "oracles/eurostat-beutel-germany-1995/siot_table_15_4.csv");
export const spicosaCsv = join(shared, "oracles/spicosa-netherlands-2000/siot.csv");
export const miyazakiXlsx = join(shared, "data/real-tables/miyazaki-pref/10710_20170328101827-1.xlsx");
