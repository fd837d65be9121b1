import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type CliIO, UsageError } from './io';

/** "cannot read FILE: no such file" — the one wording of every file error. */
function unreadable(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
  return new UsageError(`cannot read ${path}: ${why}`);
}

/** The real process: stdout, stderr and the file system. */
export const nodeIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  async readFile(path) {
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      throw unreadable(path, error);
    }
  },
  openFile(path) {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw unreadable(path, error);
    }
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      closeSync(fd);
      throw unreadable(path, { code: 'EISDIR' });
    }
    return {
      size: stat.size,
      readAt: (target, position) => readSync(fd, target, 0, target.length, position),
      close: () => closeSync(fd),
    };
  },
};
