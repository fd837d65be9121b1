import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { scripted } from '../../src/core/format';
import { formatAnswer, grade, type Question, SKILLS } from '../../src/core/quiz';

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
    expect(new Set(parsed.questions.map((q) => q.skill)).size).toBe(SKILLS.length);
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

describe('convscope quiz in a terminal', () => {
  it('writes the worked solutions’ sub- and superscripts as Unicode, never as LaTeX', () => {
    const root = resolve(__dirname, '../..');
    const r = spawnSync(
      process.execPath,
      [resolve(root, 'bin/convscope.mjs'), 'quiz', '--count', String(4 * SKILLS.length), '--seed', '5'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const key = r.stdout.slice(r.stdout.indexOf('Answer key'));
    const steps = key.split('\n').filter((l) => /^ {5}\S/.test(l));
    expect(steps.length).toBeGreaterThan(SKILLS.length);
    // The receptive field's recurrence, as the terminal shows it: r_out, r_in, j_in lowered.
    const rf = steps.find((l) => l.includes('receptive field:'));
    expect(rf).toContain(`r${scripted('out', 'sub')} = r${scripted('in', 'sub')}`);
    expect(rf).toContain(`j${scripted('in', 'sub')}`);
    for (const line of steps) {
      expect(line).not.toMatch(/[_^]\{|\\[a-z]/);
      // A name keeps an ASCII subscript only where Unicode lacks one of its letters (K_eff, K_w).
      for (const [, sub] of line.matchAll(/(?<![A-Za-z])[A-Za-z]_([A-Za-z0-9]+)/g))
        expect(scripted(sub!, 'sub'), line).toBeNull();
      for (const [, sup] of line.matchAll(/\^\(?([A-Za-z0-9]+)/g))
        expect(scripted(sup!, 'sup'), line).toBeNull();
    }
  });
});

/** The expected answer as a learner types it (the key's letter; a size without the bytes in brackets). */
const typed = (q: Question) =>
  q.answerKind === 'choice' ? String(q.expected) : formatAnswer(q).replace(/\s*\(.*\)$/, '');

describe('convscope quiz --grade', () => {
  /** A teacher's path: print the sheet as JSON, add the class's answers, grade the file. */
  async function gradeWith(answers: (q: Question, i: number) => string | undefined, json: boolean) {
    const printed = fakeIO();
    await main(['quiz', '--json', '--count', '10', '--seed', '11'], printed.io);
    const sheet = JSON.parse(printed.out.join('')) as { questions: (Question & { answer?: string })[] };
    sheet.questions.forEach((q, i) => {
      const a = answers(q, i);
      if (a !== undefined) q.answer = a;
    });
    const out: string[] = [];
    const io: CliIO = {
      out: (t) => void out.push(t),
      err: () => undefined,
      readFile: async (path) => {
        expect(path).toBe('answers.json');
        return new TextEncoder().encode(JSON.stringify(sheet));
      },
    };
    const code = await main(['quiz', '--grade', 'answers.json', ...(json ? ['--json'] : [])], io);
    return { code, out: out.join('\n'), sheet };
  }

  it('adds correct and feedback to each question and a score, with the app’s grader', async () => {
    const { code, out, sheet } = await gradeWith(
      (q, i) => (i === 1 ? '99999' : i === 2 ? 'nineteen' : i === 3 ? undefined : typed(q)),
      true,
    );
    expect(code).toBe(0);
    const graded = JSON.parse(out) as {
      questions: (Question & { answer?: string; correct: boolean; feedback: string })[];
      score: { correct: number; total: number };
    };
    expect(graded.score).toEqual({ correct: 7, total: 10 });
    graded.questions.forEach((q, i) => {
      const original = sheet.questions[i]!;
      expect(q.correct).toBe(original.answer !== undefined && grade(original, original.answer).correct);
    });
    expect(graded.questions[0]!.feedback).toBe('correct');
    expect(graded.questions[1]!.feedback).toContain(`expected ${formatAnswer(sheet.questions[1]!)}`);
    expect(graded.questions[2]!.feedback).toMatch(/^could not be read/);
    expect(graded.questions[3]!.feedback).toMatch(/^no answer; expected/);
  });

  it('prints a verdict per question and the score', async () => {
    const { out } = await gradeWith((q, i) => (i < 4 ? typed(q) : '0'), false);
    expect(out.match(/^\d+\. ✓/gm)).toHaveLength(4);
    expect(out).toMatch(/Score: \d+ of 10 correct$/);
  });

  it('never trusts the file: an edited expected answer or text changes nothing', async () => {
    const { out } = await gradeWith(() => '1', true);
    const tampered = fakeIO();
    const doc = JSON.parse(out) as { questions: Record<string, unknown>[] };
    for (const q of doc.questions) {
      q.expected = 1;
      q.text = 'What is 1?';
    }
    tampered.io.readFile = async () => new TextEncoder().encode(JSON.stringify(doc));
    await main(['quiz', '--grade', 'x.json', '--json'], tampered.io);
    const again = JSON.parse(tampered.out.join('')) as { questions: { correct: boolean }[] };
    expect(again.questions.map((q) => q.correct)).toEqual(
      (JSON.parse(out) as { questions: { correct: boolean }[] }).questions.map((q) => q.correct),
    );
  });

  it('refuses a file that is not a worksheet, naming what is wrong', async () => {
    for (const [content, re] of [
      ['{', /is not JSON/],
      ['{"questions": 3}', /needs a "questions" array/],
      ['{"questions": [{"id": "nope"}]}', /question 1: "nope" is not a question id/],
      [
        '{"questions": [{"id": "gradient-arithmetic:3:custom", "skill": "gradient-arithmetic", "difficulty": 3, "spec": {"variant": "l2", "w": 1, "g": 0, "lr": 0.1, "lambda": 0.1, "steps": 30000000}}]}',
        /steps must be at most 50/,
      ],
    ] as const) {
      const { io, err } = fakeIO();
      io.readFile = async () => new TextEncoder().encode(content);
      expect(await main(['quiz', '--grade', 'f.json'], io)).toBe(1);
      expect(err.join('\n')).toMatch(re);
    }
  });
});
