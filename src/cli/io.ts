// Where the command writes and what it knows about its surroundings. main() uses the real
// process by default; tests pass their own to capture output without touching process.
export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ctrl+C: long phases and the writing of outputs stop when it fires (main sets it). */
  signal?: AbortSignal;
  /** Looks for a Ctrl+C that has not reached the event loop yet (the launcher's shared flag) and
   * aborts `signal` if there is one: called by checks inside long synchronous work. */
  pollCancel?: () => void;
  /** --replace-json: an existing JSON file of the name given is replaced instead of the next
   * free name being taken (never an input, a link or a folder). */
  replaceJson?: boolean;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
