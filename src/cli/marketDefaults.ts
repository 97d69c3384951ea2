// The magnet-market defaults file of the package (assets/data/magnet-market/defaults.csv: value,
// range, grade and source of every parameter), read from disk; the pane bundles the same file.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Parameter, parseParameters } from "../engine/params/defaults";
import { packageRoot } from "./packageRoot";

/** Relative to the package; named on the method sheet. */
export const DEFAULTS_PATH = "assets/data/magnet-market/defaults.csv";

export function readMarketDefaults(): { parameters: Parameter[]; file: string } | undefined {
  const path = join(packageRoot(), ...DEFAULTS_PATH.split("/"));
  if (!existsSync(path)) return undefined;
  return { parameters: parseParameters(readFileSync(path, "utf8"), path), file: DEFAULTS_PATH };
}
