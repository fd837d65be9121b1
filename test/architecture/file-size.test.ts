import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * House rule: a hand-written source file over ~400 lines is split by responsibility. Generated code (the
 * ONNX protobuf decoder) and locale tables are exempt by nature; ALLOWED lists files being split right
 * now and is meant to be emptied — an entry that is no longer too long fails too, so it gets removed.
 */
const MAX_LINES = 400;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['src', 'scripts', 'bench'];
const SOURCE = /\.(ts|mts|js|mjs|vue|css)$/;
const EXEMPT = [/^src\/core\/onnx\/proto\//, /\/locales\//];
const ALLOWED = new Set<string>([]);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (SOURCE.test(name)) yield relative(ROOT, path).split('\\').join('/');
  }
}

const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1;
const sources = FOLDERS.flatMap((f) => [...files(join(ROOT, f))]).filter(
  (f) => !EXEMPT.some((e) => e.test(f)),
);

describe(`source files stay under ${MAX_LINES} lines`, () => {
  it('finds the sources it measures', () => {
    expect(sources).toContain('src/main/db/index.ts');
    expect(sources.length).toBeGreaterThan(100);
  });

  it('no file outside the allow-list is longer', () => {
    const long = sources
      .filter((f) => !ALLOWED.has(f))
      .map((f) => `${f}: ${lines(f)} lines`)
      .filter((s) => Number(s.split(': ')[1]!.split(' ')[0]) > MAX_LINES);
    expect(long, 'split these by responsibility').toEqual([]);
  });

  it('every allow-listed file still exists and is still too long (otherwise remove it from ALLOWED)', () => {
    const stale = [...ALLOWED].filter((f) => !sources.includes(f) || lines(f) <= MAX_LINES);
    expect(stale).toEqual([]);
  });
});
