// What every command's registration gets from main() (the run's output, cancel signal, language
// and exit status), and the option parsers and checks more than one command uses. Each file beside
// this one registers one command of `ripple` (../../shared/spec/CLI.md) and hands its options to
// the job that runs it (../analyze.ts, ../cge.ts, …).

import { InvalidArgumentError, Option } from "commander";
import { RippleError, type Lang } from "../../engine/errors";
import { DEFAULT_CONSUMPTION_RATE, parseShare } from "../../usecases/options";
import type { CliIO } from "../io";
import { isLang } from "../lang";

export interface CommandContext {
  /** The run's output, with main()'s cancel signal (Ctrl+C or the caller's). The commands set
   * `replaceJson` on it from their option. */
  io: CliIO;
  signal: AbortSignal;
  /** The run's language: the command's --lang when given (it then also speaks main()'s error
   * messages), else what main() found in the arguments or LANG. */
  lang(chosen?: Lang): Lang;
  /** An exit status other than success without an error (inspect: the table is not usable). */
  setStatus(status: number): void;
}

export function parseLang(v: string): Lang {
  if (!isLang(v)) throw new InvalidArgumentError("use ja or en");
  return v;
}

export function parseDraws(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError("a whole number from 1 to 1,000,000, e.g. 10000");
  return n;
}

export function parseAmount(v: string): number {
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x)) throw new InvalidArgumentError("a number in table units, e.g. -1000000");
  return x;
}

/** A share by the one rule of every host (usecases/options.ts): "0.6" or "60%". */
export function parseRate(v: string): number {
  const x = parseShare(v);
  if (x === null)
    throw new InvalidArgumentError(`a number from 0 to 1 or a percentage, e.g. ${DEFAULT_CONSUMPTION_RATE} or ${DEFAULT_CONSUMPTION_RATE * 100}%`);
  return x;
}

export const replaceJsonOption = () =>
  new Option("--replace-json", "replace an existing file of the --json name (in one step; never an input file, a link or a folder)");
export const langOption = () =>
  new Option("--lang <lang>", "language of messages and of the results workbook: ja or en (default: from LANG, else en)").argParser(parseLang);

/** An option's name as typed (consumptionRate -> consumption-rate), for messages. */
export const kebab = (k: string): string => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Options that only mean something with another one (e.g. --draws with --market). */
export function needs(opts: Record<string, unknown>, owner: string, dependents: readonly string[]): void {
  const given = dependents.filter((k) => opts[k] !== undefined);
  if (opts[owner] === undefined && given.length)
    throw new RippleError(`${kebab(owner)}-option-alone`, {
      ja: `--${kebab(given[0])} は --${kebab(owner)} と一緒に指定してください。`,
      en: `--${kebab(given[0])} goes with --${kebab(owner)}.`,
    });
}

/** A run of another kind cannot also take a final-demand shock. */
export function noShockWith(opts: { shock?: string; shockSheet?: string }, option: string): void {
  if (opts.shock || opts.shockSheet)
    throw new RippleError(`shock-and-${option}`, {
      ja: `--${option} と --shock / --shock-sheet はどちらか一方だけ指定してください。`,
      en: `give either --${option} or --shock / --shock-sheet, not both.`,
    });
}
