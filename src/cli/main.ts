// The `ripple` command (../shared/spec/CLI.md). main() never throws and never exits the process:
// it returns the exit status (exitStatus.ts), so bin/ripple.js and the tests call it the same way.
// Each command registers its options in commands/ and hands them to the job that runs it; main()
// owns what they share: the language, Ctrl+C, the usage errors and the exit status.

import { Command, CommanderError } from "commander";
import { basename } from "node:path";
import { isMainThread } from "node:worker_threads";
import { RippleError, RippleErrorList, formatMessage, type Lang, type Where } from "../engine/errors";
import { addAnalyzeCommand } from "./commands/analyze";
import { addCgeCommand } from "./commands/cge";
import { addCompareCommand } from "./commands/compare";
import { addDemoCommand } from "./commands/demo";
import { addInspectCommand } from "./commands/inspect";
import type { CommandContext } from "./commands/sharedOptions";
import { EXIT } from "./exitStatus";
import { processIO, type CliIO } from "./io";
import { isLang, langFromArgv, langFromEnv } from "./lang";
import { packageVersion } from "./packageRoot";
import { removeAllNow } from "./atomicWrite";
import { usePlatformSha256 } from "../report/checksum";
import { terminalSafe } from "./terminalText";

// Input checksums by node:crypto rather than the portable code the pane needs; loaded when a
// checksum is first asked for (a --json run needs none, and node:crypto costs a few ms to load).
usePlatformSha256((data) =>
  (require("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(data).digest("hex"),
);

/** A CSV's one "sheet" is named after the file: say the file once. */
function plainWhere(w: Where): Where {
  if (w.file && w.sheet && basename(w.file) === w.sheet) return { file: w.file, cell: w.cell };
  return w;
}

/** One line (lists: one line per problem) in the user's language, and the exit status. */
export function reportError(e: unknown, lang: Lang, io: CliIO): number {
  if (e instanceof RippleError) {
    const text =
      e instanceof RippleErrorList
        ? e.format(lang)
        : formatMessage(e.text, plainWhere(e.where), lang).replace(/\s*\n\s*/g, " ");
    io.stderr.write(`ripple: ${terminalSafe(text)}\n`);
    if (io.env.RIPPLE_DEBUG === "1" && e.stack) io.stderr.write(e.stack + "\n");
    return e.kind === "numeric" ? EXIT.numeric : e.kind === "cancelled" ? EXIT.cancelled : EXIT.input;
  }
  const msg = e instanceof Error ? e.message : String(e);
  const lead = lang === "ja" ? "予期しないエラー" : "unexpected error";
  const hint = lang === "ja" ? "（RIPPLE_DEBUG=1 で詳細を表示）" : " (set RIPPLE_DEBUG=1 for details)";
  io.stderr.write(`ripple: ${lead}: ${terminalSafe(msg.split("\n")[0])}${hint}\n`);
  if (io.env.RIPPLE_DEBUG === "1" && e instanceof Error && e.stack) io.stderr.write(e.stack + "\n");
  return EXIT.unexpected;
}

/** The program with its commands, in the order `ripple --help` lists them. */
function buildProgram(ctx: CommandContext): Command {
  const { io } = ctx;
  const program = new Command("ripple")
    .description(
      "Ripple: 経済波及効果 (input-output ripple effects) from the command line.\n" +
        "Reads an input-output table (.xlsx or .csv) as published, writes a results workbook and/or JSON.",
    )
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's usage errors become one line, like every other error.
      outputError: () => undefined,
    })
    .showHelpAfterError(false);
  addDemoCommand(program, ctx);
  addAnalyzeCommand(program, ctx);
  addCgeCommand(program, ctx);
  addCompareCommand(program, ctx);
  addInspectCommand(program, ctx);
  return program;
}

/** Commander's own exits (help, version, usage errors) as an exit status; usage errors on one
 * line, in English as commander writes them, with where to look in the user's language. */
function commanderStatus(e: CommanderError, lang: Lang, io: CliIO): number {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
  // `ripple` alone: help on stderr, and a status scripts can tell from success.
  if (e.code === "commander.help") return e.exitCode === 0 ? EXIT.ok : EXIT.input;
  if (e.code === "commander.executeSubCommandAsync") return e.exitCode;
  const msg = e.message.replace(/^error:\s*/i, "").replace(/\s*\n\s*/g, " ");
  const hint = lang === "ja" ? "（ripple --help で使い方を表示）" : " (see ripple --help)";
  io.stderr.write(`ripple: ${terminalSafe(msg)}${hint}\n`);
  return EXIT.input;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const argLang = langFromArgv(argv);
  let lang: Lang = isLang(argLang) ? argLang : langFromEnv(io.env);
  let status: number = EXIT.ok;

  // Ctrl+C stops the run at the next check (between chunks of work, before each output is
  // published); the run then removes what it wrote and ends with status 130. A second Ctrl+C
  // does not wait: it removes the outputs synchronously and exits at once.
  const controller = new AbortController();
  const onSigint = () => {
    if (!controller.signal.aborted) return controller.abort();
    removeAllNow();
    process.exit(EXIT.cancelled);
  };
  // A caller's signal (the worker of launcher.ts) stops the run the same way.
  if (io.signal?.aborted) controller.abort();
  io.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  const ownsProcess = io.stderr === process.stderr && isMainThread;
  if (ownsProcess) process.on("SIGINT", onSigint);
  io = { ...io, signal: controller.signal };

  const program = buildProgram({
    io,
    signal: controller.signal,
    lang: (chosen) => {
      if (chosen) lang = chosen;
      return lang;
    },
    setStatus: (s) => {
      status = s;
    },
  });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    status = e instanceof CommanderError ? commanderStatus(e, lang, io) : reportError(e, lang, io);
  } finally {
    if (ownsProcess) process.removeListener("SIGINT", onSigint);
  }
  return status;
}
