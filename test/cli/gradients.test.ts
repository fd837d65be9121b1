import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { gradientStats } from '../../src/core/autograd';

function fakeIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
    async readFile(): Promise<Uint8Array> {
      throw new Error('not used');
    },
  };
  return io;
}

describe('convscope gradients', () => {
  it('--json has exactly the documented shape and the engine’s numbers', async () => {
    const io = fakeIO();
    const args = [
      'gradients',
      '--depth',
      '4',
      '--width',
      '16',
      '--batch',
      '32',
      '--activation',
      'tanh',
      '--init',
      'normal:0.5',
      '--batchnorm',
      '--seeds',
      '3',
      '--json',
    ];
    expect(await main(args, io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(Object.keys(out)).toEqual(['config', 'seeds', 'layers', 'log10RatioFirstLastMean']);
    expect(out.config).toEqual({
      depth: 4,
      width: 16,
      batch: 32,
      activation: 'tanh',
      init: 'normal:0.5',
      batchnorm: true,
      residual: false,
      dtype: 'float64',
    });
    expect(out.seeds).toBe(3);
    const st = gradientStats(
      {
        depth: 4,
        width: 16,
        batch: 32,
        activation: 'tanh',
        init: { kind: 'normal', std: 0.5 },
        batchnorm: true,
        residual: false,
        dtype: 'float64',
      },
      3,
    );
    expect(out.layers).toEqual(st.layers);
    expect(out.layers.map((l: { index: number }) => l.index)).toEqual([1, 2, 3, 4]);
    expect(out.log10RatioFirstLastMean).toBe(st.log10RatioFirstLastMean);
  });

  it('uses the defaults width 64, batch 128, 20 seeds, float64', async () => {
    const io = fakeIO();
    expect(
      await main(
        ['gradients', '--depth', '2', '--activation', 'relu', '--init', 'kaiming_normal', '--json'],
        io,
      ),
    ).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.config).toMatchObject({
      width: 64,
      batch: 128,
      dtype: 'float64',
      residual: false,
      batchnorm: false,
    });
    expect(out.seeds).toBe(20);
  });

  it('prints a per-layer table', async () => {
    const io = fakeIO();
    expect(
      await main(
        [
          'gradients',
          '--depth',
          '3',
          '--activation',
          'sigmoid',
          '--init',
          'xavier_uniform',
          '--residual',
          '--seeds',
          '2',
          '--dtype',
          'float32',
        ],
        io,
      ),
    ).toBe(0);
    expect(io.stdout).toContain('MLP depth 3');
    expect(io.stdout).toContain('float32');
    expect(io.stdout.split('\n').filter((l) => /^\s+[123]\s+-?\d/.test(l))).toHaveLength(3);
  });

  it('prints the recurrent curves, t = 0..T', async () => {
    const io = fakeIO();
    expect(await main(['gradients', '--rnn', 'lstm', '--steps', '4', '--seeds', '2', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.points.map((p: { t: number }) => p.t)).toEqual([0, 1, 2, 3, 4]);
    // At t = T the Jacobian is the identity: ‖I‖_F = √64 = 8.
    expect(out.points[4].log10JacobianFroMean).toBeCloseTo(Math.log10(8), 12);
    expect(out.points[0]).toHaveProperty('log10CellJacobianFroMean');
    const text = fakeIO();
    expect(await main(['gradients', '--rnn', 'tanh', '--steps', '2', '--seeds', '1'], text)).toBe(0);
    expect(text.stdout).toContain('tanh RNN');
  });

  for (const [args, message] of [
    [['--depth', '3', '--activation', 'swish', '--init', 'xavier_normal'], 'unknown activation "swish"'],
    [
      ['--depth', '0', '--activation', 'relu', '--init', 'xavier_normal'],
      '--depth must be an integer from 1 to 100',
    ],
    [['--activation', 'relu', '--init', 'xavier_normal'], '--depth is required'],
    [['--depth', '3', '--activation', 'relu', '--init', 'normal:-1'], 'STD must be a positive number'],
    [['--depth', '3', '--activation', 'relu', '--init', 'he'], 'unknown init "he"'],
    [
      ['--depth', '3', '--activation', 'relu', '--init', 'xavier_normal', '--dtype', 'float16'],
      '--dtype must be float64 or float32',
    ],
    [
      ['--depth', '3', '--activation', 'relu', '--init', 'xavier_normal', '--bogus'],
      'unknown argument "--bogus"',
    ],
    [['--depth'], '--depth needs a value'],
    [['--rnn', 'gru'], '--rnn must be tanh or lstm'],
    [['--rnn', 'lstm', '--steps', '500'], '--steps must be an integer from 1 to 200'],
    [['--rnn', 'lstm', '--depth', '3'], '--depth does not apply with --rnn'],
  ] as const) {
    it(`rejects ${args.join(' ')} with one line`, async () => {
      const io = fakeIO();
      expect(await main(['gradients', ...args], io)).toBe(1);
      expect(io.stderr).toContain(`convscope gradients: `);
      expect(io.stderr).toContain(message);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
      expect(io.stdout).toBe('');
    });
  }

  it('runs as a real process', () => {
    const bin = fileURLToPath(new URL('../../bin/convscope.mjs', import.meta.url));
    const ok = spawnSync(
      process.execPath,
      [
        bin,
        'gradients',
        '--depth',
        '3',
        '--width',
        '8',
        '--batch',
        '16',
        '--activation',
        'elu',
        '--init',
        'kaiming_uniform',
        '--seeds',
        '2',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).layers).toHaveLength(3);
    const bad = spawnSync(process.execPath, [bin, 'gradients', '--depth', '3'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'convscope gradients: --activation is required (sigmoid, tanh, relu, leaky_relu, elu)',
    );
  }, 60_000);
});
