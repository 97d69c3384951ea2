// Every output of a run (workbook, public version, JSON) reaches its folder whole or not at all:
// the bytes go to a temporary file in the target folder (same file system, so no copy), are
// flushed to disk, and only then get their final name by a hard link, which fails if the name
// exists. Ten runs writing "out.xlsx" at once thus leave out.xlsx, out-2.xlsx, … out-10.xlsx,
// each complete. Nothing is published until every output of the run is staged, and a run that
// fails (or is cancelled) removes what it staged and published. A second Ctrl+C, which cannot
// wait for promises, removes them synchronously (removeAllNow).
//
// Written here rather than taken from a library: write-file-atomic and friends rename over the
// target (they replace), and the rule here is the opposite — never replace, take the next name.

import { closeSync, lstatSync, openSync, statSync, unlinkSync, promises as fs } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { RippleError, cancelledError, type Bilingual } from "../engine/errors";

/** A tag that keeps a temporary's name apart from another run's leftover of the same process id. The
 * exclusive create ("wx") is what guarantees no file is ever shared; this only makes a clash
 * unlikely, so Math.random serves (node:crypto's first randomBytes costs ~10 ms of start-up). */
function tempTag(): string {
  return Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, "0");
}

/** Paths this process must remove if it is stopped before the run ends: staged temporaries and
 * files published by a run that has not finished. */
const pending = new Set<string>();

/** Told of every path added to or taken from the pending set: the command's worker thread
 * (launcher.ts) passes them to the main thread, which removes them if it has to stop the worker
 * in the middle of a synchronous phase. */
let listener: ((path: string, added: boolean) => void) | null = null;
export function onPendingChange(f: ((path: string, added: boolean) => void) | null): void {
  listener = f;
}
function addPending(p: string): void {
  pending.add(p);
  listener?.(p, true);
}
function dropPending(p: string): void {
  if (pending.delete(p)) listener?.(p, false);
}

/** Removes every pending path now (synchronously: for a second Ctrl+C or process exit). */
export function removeAllNow(): void {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      // Already gone, or never created: nothing to clean.
    }
  }
  pending.clear();
}

// A process that ends without finishing its run (process.exit, a fatal error) leaves nothing.
process.on("exit", removeAllNow);

/** Files read as inputs of runs in this process (device:inode), never to be replaced. */
const inputs = new Set<string>();

export function noteInput(path: string): void {
  try {
    const s = statSync(path);
    inputs.add(`${s.dev}:${s.ino}`);
  } catch {
    // Unreadable inputs are reported by their reader.
  }
}

function refuse(code: string, text: Bilingual, file: string): never {
  throw new RippleError(code, text, { file });
}

/** Refuses a target that is a link (dangling or not), a folder or something that is not a
 * plain file: writing "there" would go somewhere the user did not name. */
export function checkTarget(path: string, typed = path): "absent" | "file" {
  let s;
  try {
    s = lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "absent";
    // "table.csv/r.json": a file where the name needs a folder.
    if (code === "ENOTDIR")
      refuse(
        "output-folder-not-folder",
        {
          ja: "出力先のフォルダーの途中がファイルです（フォルダーではありません）。あるフォルダーの中のファイル名を指定してください。",
          en: "part of the output's folder path is a file, not a folder. Give a file name inside an existing folder.",
        },
        typed,
      );
    const reason = e instanceof Error ? e.message : String(e);
    refuse(
      "file-unwritable",
      {
        ja: `出力先を確かめられません（${reason}）。フォルダーがあり読み書きできるか確認してください。`,
        en: `cannot check the output name (${reason}). Check that the folder exists and can be read and written.`,
      },
      typed,
    );
  }
  if (s.isSymbolicLink())
    refuse(
      "output-is-link",
      {
        ja: "出力先がシンボリックリンクです。リンク先に書くことはしません。別のファイル名を指定してください。",
        en: "the output name is a symbolic link; Ripple does not write through links. Give another file name.",
      },
      typed,
    );
  if (s.isDirectory())
    refuse(
      "output-is-folder",
      {
        ja: "出力先がフォルダーです。フォルダーの中のファイル名（例 folder/results.xlsx）を指定してください。",
        en: "the output name is a folder. Give a file name inside it (e.g. folder/results.xlsx).",
      },
      typed,
    );
  if (!s.isFile())
    refuse(
      "output-not-file",
      { ja: "出力先が通常のファイルではありません。別のファイル名を指定してください。", en: "the output name is not a regular file. Give another file name." },
      typed,
    );
  return "file";
}

/** The k-th candidate name: out.xlsx, out-2.xlsx, out-3.xlsx, … */
export function candidate(path: string, k: number): string {
  if (k <= 1) return path;
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}-${k}${ext}`);
}

function unwritable(e: unknown, file: string, what: Bilingual): RippleError {
  const reason = e instanceof Error ? e.message : String(e);
  const full = (e as NodeJS.ErrnoException).code === "ENOSPC";
  return new RippleError(
    full ? "disk-full" : "file-unwritable",
    full
      ? { ja: `${what.ja}を書き込めません（ディスクがいっぱいです）。空きを作ってから実行し直してください。`, en: `cannot write the ${what.en}: the disk is full. Free some space and run again.` }
      : {
          ja: `${what.ja}を書き込めません（${reason}）。フォルダーがあり書き込めるか、Excel で開いたままでないか確認してください。`,
          en: `cannot write the ${what.en} (${reason}). Check that the folder exists and is writable and the file is not open in Excel.`,
        },
    { file },
  );
}

interface Staged {
  requested: string;
  typed: string;
  temp: string;
  /** Take the next free name when the requested one exists; else replace it (--replace-json). */
  freeName: boolean;
  what: Bilingual;
  final?: string;
}

/** The outputs of one run: stage() each, then publish() them together, or discard(). */
export class OutputSet {
  private staged: Staged[] = [];
  private published: string[] = [];

  /** Writes the bytes to a temporary file beside `path` and flushes them to disk. */
  async stage(
    path: string,
    bytes: Uint8Array | string,
    opts: { typed?: string; freeName: boolean; what: Bilingual; signal?: AbortSignal },
  ): Promise<void> {
    const typed = opts.typed ?? path;
    checkTarget(path, typed);
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${tempTag()}.tmp`);
    addPending(temp);
    this.staged.push({ requested: path, typed, temp, freeName: opts.freeName, what: opts.what });
    let fh: fs.FileHandle | undefined;
    try {
      fh = await fs.open(temp, "wx");
      const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
      // In slices, so Ctrl+C is seen between them while a large workbook is written.
      const SLICE = 4 << 20;
      for (let at = 0; at < data.byteLength; at += SLICE) {
        throwIfCancelled(opts.signal);
        await fh.write(data.subarray(at, Math.min(at + SLICE, data.byteLength)));
      }
      await fh.sync();
    } catch (e) {
      if (e instanceof RippleError) throw e;
      throw unwritable(e, typed, opts.what);
    } finally {
      await fh?.close().catch(() => undefined);
    }
  }

  /** Gives every staged file its final name; returns them in staging order. */
  async publish(signal?: AbortSignal): Promise<{ requested: string; final: string }[]> {
    throwIfCancelled(signal);
    for (const s of this.staged) {
      s.final = s.freeName ? await this.linkFree(s) : await this.replace(s);
    }
    for (const s of this.staged) {
      await fs.unlink(s.temp).catch(() => undefined);
      dropPending(s.temp);
    }
    return this.staged.map((s) => ({ requested: s.requested, final: s.final! }));
  }

  /** The run succeeded: its files are the user's now, not to be removed on exit. */
  keep(): void {
    for (const p of this.published) dropPending(p);
    this.published = [];
    this.staged = [];
  }

  /** The run failed: removes every temporary and every file it published. */
  async discard(): Promise<void> {
    for (const p of [...this.staged.map((s) => s.temp), ...this.published]) {
      await fs.unlink(p).catch(() => undefined);
      dropPending(p);
    }
    this.staged = [];
    this.published = [];
  }

  private async linkFree(s: Staged): Promise<string> {
    for (let k = 1; ; k++) {
      const name = candidate(s.requested, k);
      try {
        await fs.link(s.temp, name);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") continue;
        // File systems without hard links (some network shares, FAT): create the name
        // exclusively, then move the complete file over the empty placeholder.
        if (code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS" || code === "EOPNOTSUPP") {
          if (!(await this.placeholder(name, s))) continue;
          this.track(name);
          await fs.rename(s.temp, name).catch((err) => {
            throw unwritable(err, s.typed, s.what);
          });
          return name;
        }
        throw unwritable(e, s.typed, s.what);
      }
      this.track(name);
      return name;
    }
  }

  private async placeholder(name: string, s: Staged): Promise<boolean> {
    try {
      closeSync(openSync(name, "wx"));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw unwritable(e, s.typed, s.what);
    }
  }

  /** --replace-json: an existing plain file of that name is replaced in one step (rename), unless
   * it is one of the run's inputs. */
  private async replace(s: Staged): Promise<string> {
    if (checkTarget(s.requested, s.typed) === "file") {
      const st = statSync(s.requested);
      if (inputs.has(`${st.dev}:${st.ino}`))
        refuse(
          "output-is-input",
          {
            ja: "出力先が入力ファイルです。入力は上書きしません。別のファイル名を指定してください。",
            en: "the output name is one of the input files; inputs are never overwritten. Give another file name.",
          },
          s.typed,
        );
    }
    try {
      await fs.rename(s.temp, s.requested);
    } catch (e) {
      throw unwritable(e, s.typed, s.what);
    }
    dropPending(s.temp);
    return s.requested;
  }

  private track(name: string): void {
    this.published.push(name);
    addPending(name);
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}
