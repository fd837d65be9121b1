import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listZoo } from '../../src/core';
import { ROOT, staleness } from '../../scripts/launch.mjs';
import { runCli } from './cli-run';

const BIN = join(ROOT, 'bin/convscope.mjs');
const ONNX = join(ROOT, 'test/fixtures/onnx/resnet18_bn.onnx');

/** `convscope ARGS` as a process, with the URL of every module it loaded. */
function traced(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(ROOT, 'test/cli/trace-modules.mjs')).href, BIN, ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const [stderr, list] = r.stderr.split('\nMODULES ');
  return { status: r.status, stdout: r.stdout, stderr, modules: JSON.parse(list) as string[] };
}

describe('the bundled CLI', () => {
  it.skipIf(!registerHooks)(
    'starts from build/cli, never tsx; ONNX and protobufjs load only for .onnx',
    () => {
      const zoo = traced('analyze', 'zoo:lenet5', '--json');
      expect(zoo.status).toBe(0);
      expect(zoo.stderr).toBe('');
      const ours = zoo.modules.filter((u) => u.startsWith(pathToFileURL(ROOT).href));
      expect(ours.some((u) => u.includes('/build/cli/convscope.mjs'))).toBe(true);
      expect(ours.filter((u) => !u.includes('/build/cli/') && !u.endsWith('/scripts/launch.mjs'))).toEqual([
        pathToFileURL(BIN).href,
      ]);
      expect(zoo.modules.filter((u) => /tsx|onnx|protobuf/.test(u))).toEqual([]);
      // Nor zod: a zoo model skips the model schema, and the registry's attribute types are recipes.
      const withZod = ours.filter((u) => readFileSync(fileURLToPath(u), 'utf8').includes('"$ZodType"'));
      expect(withZod).toEqual([]);
      const onnx = traced('analyze', ONNX, '--json');
      expect(onnx.status).toBe(0);
      expect(onnx.modules.some((u) => /\/build\/cli\/chunks\/onnx-input-\w+\.mjs$/.test(u))).toBe(true);
    },
  );

  it('prints what the sources print, for every zoo model and an ONNX file', async () => {
    const { main } = (await import(pathToFileURL(join(ROOT, 'build/cli/convscope.mjs')).href)) as {
      main: typeof import('../../src/cli/main').main;
    };
    const bundled = async (...args: string[]) => {
      const out: string[] = [];
      const io = {
        out: (t: string) => out.push(t),
        err: (t: string) => out.push(t),
        readFile: async () => new Uint8Array(),
      };
      const code = await main(args, io);
      return { code, out: out.join('\n') };
    };
    const cases = [
      ...listZoo().map((z) => ['analyze', `zoo:${z.name}`, '--json']),
      ['analyze', 'zoo:resnet18', '--csv', '--dtype', 'fp16'],
      ['analyze', 'zoo:squeezenet1_1'],
      ['zoo', '--json'],
    ];
    for (const args of cases) {
      const [a, b] = [await bundled(...args), await runCli(...args)];
      expect(a.code, args.join(' ')).toBe(0);
      expect(a.out, args.join(' ')).toBe(b.out);
    }
    const proc = spawnSync(process.execPath, [BIN, 'analyze', ONNX, '--csv'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(proc.stdout).toBe((await runCli('analyze', ONNX, '--csv')).out);
  });

  it('`convscope … | head` ends quietly', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" analyze zoo:resnet152 --json | head -1`],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('');
  });
});

describe('bundle freshness', () => {
  /** A fake checkout: build/cli/manifest.json built at `builtAt`, with sources of the given ages. */
  function checkout(builtAt: number, sources: Record<string, number>) {
    const root = mkdtempSync(join(tmpdir(), 'convscope-bundle-'));
    mkdirSync(join(root, 'build/cli'), { recursive: true });
    writeFileSync(
      join(root, 'build/cli/manifest.json'),
      JSON.stringify({ builtAt, inputs: ['src/a.ts', 'src/b.ts'] }),
    );
    mkdirSync(join(root, 'src'));
    for (const [file, mtime] of Object.entries(sources)) {
      writeFileSync(join(root, file), '');
      utimesSync(join(root, file), mtime / 1000, mtime / 1000);
    }
    return root;
  }
  const t = Date.now() - 60_000;

  it('is fresh when no source is newer than the build', () => {
    expect(staleness('cli', checkout(t, { 'src/a.ts': t - 1000, 'src/b.ts': t }))).toBe('');
  });

  it('names the first source that is newer, or gone, or the missing bundle', () => {
    expect(staleness('cli', checkout(t, { 'src/a.ts': t - 1000, 'src/b.ts': t + 1000 }))).toBe(
      'build/cli is older than src/b.ts',
    );
    expect(staleness('cli', checkout(t, { 'src/b.ts': t }))).toBe('build/cli is older than src/a.ts');
    expect(staleness('web', checkout(t, {}))).toBe('build/web is missing');
  });
});
