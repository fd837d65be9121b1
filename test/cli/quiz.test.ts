import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { grade, type Question } from '../../src/core/quiz';

function fakeIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async () => {
      throw new Error('no files here');
    },
  };
  return { io, out, err };
}

describe('convscope quiz', () => {
  it('prints a worksheet with an answer key and worked solutions', async () => {
    const { io, out } = fakeIO();
    expect(
      await main(['quiz', '--skill', 'output-size', '--difficulty', '2', '--count', '3', '--seed', '7'], io),
    ).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^ConvScope worksheet/);
    expect(text.match(/^\d+\. \[output-size, difficulty 2\]/gm)).toHaveLength(3);
    expect(text).toContain('Answer key');
    expect(text).toMatch(/M = ⌊/);
    expect(text).not.toMatch(/\\frac|\\cdot|\\left/);
  });

  it('--json emits the questions; the same seed gives the same sheet, and each key grades correct', async () => {
    const a = fakeIO();
    const b = fakeIO();
    await main(['quiz', '--json', '--count', '12', '--seed', '3'], a.io);
    await main(['quiz', '--seed=3', '--count=12', '--json'], b.io);
    expect(a.out.join('')).toBe(b.out.join(''));
    const parsed = JSON.parse(a.out.join('')) as { questions: Question[] };
    expect(parsed.questions).toHaveLength(12);
    expect(new Set(parsed.questions.map((q) => q.skill)).size).toBe(10);
    for (const q of parsed.questions) {
      const e = q.expected;
      const answer = Array.isArray(e) ? e.join('x') : q.answerKind === 'bytes' ? `${e} B` : String(e);
      expect(grade(q, answer).correct).toBe(true);
    }
  });

  it.each([
    [['--difficulty', '4'], /--difficulty must be an integer from 1 to 3/],
    [['--count', '0'], /--count must be/],
    [['--count'], /--count needs a value/],
    [['--skill', 'nope'], /unknown skill "nope"/],
    [['--bogus'], /unknown option "--bogus"/],
    [['--seed', '-1'], /--seed must be/],
  ])('bad flags %j: one line, exit 1', async (args, re) => {
    const { io, out, err } = fakeIO();
    expect(await main(['quiz', ...args], io)).toBe(1);
    expect(out).toHaveLength(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^convscope quiz: /);
    expect(err[0]).toMatch(re);
  });

  it('runs as a real process', () => {
    const root = resolve(__dirname, '../..');
    const r = spawnSync(
      process.execPath,
      [
        resolve(root, 'bin/convscope.mjs'),
        'quiz',
        '--count',
        '2',
        '--seed',
        '1',
        '--skill',
        'receptive-field',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Answer key');
    const bad = spawnSync(
      process.execPath,
      [resolve(root, 'bin/convscope.mjs'), 'quiz', '--difficulty', 'x'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
