/** A file opened for random access: `readAt` fills `target` from byte `position`, returns the count. */
export interface OpenedFile {
  readonly size: number;
  readAt(target: Uint8Array, position: number): number;
  close(): void;
}

/** Where a command reads and writes; injected so that tests can capture output without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file as bytes; rejects with a {@link UsageError} whose message names the file. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Opens a file for reading on demand (large ONNX files: weights are skipped, never read). Optional:
   * without it, commands read the whole file with `readFile`.
   */
  openFile?(path: string): OpenedFile;
}

/** An error meant for the user: printed as one line, never with a stack trace. */
export class UsageError extends Error {}

export type Command = (args: string[], io: CliIO) => Promise<number>;
