/** Where a command writes; injected so that tests can capture output without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file as bytes; rejects with an Error whose message names the file. */
  readFile(path: string): Promise<Uint8Array>;
}

/** An error meant for the user: printed as one line, never with a stack trace. */
export class UsageError extends Error {}

export type Command = (args: string[], io: CliIO) => Promise<number>;
