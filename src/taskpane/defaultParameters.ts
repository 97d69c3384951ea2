// The magnet-market defaults (assets/data/magnet-market/defaults.csv: value, range, grade and
// source of every parameter), bundled as text: the browser has no file system, and the templates
// the pane inserts must carry the same defaults and sources as the command line's.

import defaultsCsv from "../../assets/data/magnet-market/defaults.csv?raw";
import { type Parameter, parseParameters } from "../engine/params/defaults";

export const DEFAULTS_FILE = "defaults.csv";

let parsed: Parameter[] | null = null;

/** The parsed defaults; a fresh copy per call so callers may change it. */
export function defaultParameters(): Parameter[] {
  parsed ??= parseParameters(defaultsCsv, DEFAULTS_FILE);
  return parsed.map((p) => ({ ...p }));
}
