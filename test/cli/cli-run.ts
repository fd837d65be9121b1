import { readFile } from 'node:fs/promises';
import type { CliIO } from '../../src/cli/io';
import { UsageError } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/**
 * Captured output and files from disk (or from `files`, by path), as `convscope` sees them through
 * its CliIO; a missing file is the CLI's own "no such file" error.
 */
export function fakeIO(files: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    async readFile(path) {
      if (files[path]) return files[path];
      try {
        return new Uint8Array(await readFile(path));
      } catch {
        throw new UsageError(`cannot read ${path}: no such file`);
      }
    },
  };
  return { io, out, err };
}

/** Runs `convscope ARGS` in-process with captured output; files come from disk. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const f = fakeIO();
  const code = await main(args, f.io);
  return { code, out: f.out.join('\n'), err: f.err.join('\n') };
}

/** RFC 4180 records → fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`bad CSV at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  }
  if (row.length) rows.push(row);
  return rows;
}
