// One line on stderr for the user (which sheet was used, where a file went), in their language.
// Its own module so the output writer and the commands share it without importing each other.

import type { Bilingual, Lang } from "../engine/errors";
import type { CliIO } from "./io";
import { terminalSafe } from "./terminalText";

/** One line on stderr; text from the user's files cannot reach the terminal as control codes. */
export const say = (io: CliIO, lang: Lang, text: Bilingual) => io.stderr.write(`ripple: ${terminalSafe(text[lang])}\n`);
