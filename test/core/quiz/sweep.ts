/** Shared checks of the generator sweeps (not a test file itself). */
import { expect } from 'vitest';
import { formatInt } from '../../../src/core';
import {
  BYTE_UNIT_SIZE,
  formatAnswer,
  type Built,
  type ByteUnit,
  type Difficulty,
  type GeneratedSkill,
  generateBuilt,
  gradeBuilt,
  type Question,
} from '../../../src/core/quiz';

export const SEEDS = 1000;
export const DIFFICULTIES: Difficulty[] = [1, 2, 3];

/** Runs `check` on every question of the skill over SEEDS seeds × 3 difficulties, plus the common checks. */
export function sweep(skill: GeneratedSkill, check: (q: Question, b: Built) => void): number {
  let n = 0;
  for (const d of DIFFICULTIES) {
    for (let seed = 0; seed < SEEDS; seed++) {
      const { question: q, built: b } = generateBuilt(skill, d, seed);
      commonChecks(q, b);
      check(q, b);
      n++;
    }
  }
  return n;
}

function fail(q: Question, what: string): never {
  throw new Error(`${q.id}: ${what}\n${q.text}\nexpected ${JSON.stringify(q.expected)}`);
}

function commonChecks(q: Question, b: Built): void {
  if (JSON.stringify(b.expected) !== JSON.stringify(q.expected)) fail(q, 'question and build differ');
  if (!q.text || /\{\w+\}/.test(q.text)) fail(q, 'text has unfilled placeholders');
  const e = q.expected;
  const nums = typeof e === 'number' ? [e] : Array.isArray(e) ? e : [];
  for (const v of nums) if (!Number.isFinite(v)) fail(q, 'not finite');
  switch (q.answerKind) {
    case 'integer':
    case 'shape':
    case 'pair':
      for (const v of nums) if (!Number.isSafeInteger(v) || v < 0) fail(q, 'not a non-negative safe integer');
      break;
    case 'bytes':
      if (!((e as number) > 0 && Number.isSafeInteger(e))) fail(q, 'bytes must be a positive integer');
      break;
    case 'number':
      if (!(Math.abs(e as number) < 1e12 && e !== 0)) fail(q, 'number out of range');
      break;
    case 'choice':
      if (!q.choices?.some((c) => c.key === e)) fail(q, 'choice key missing');
      break;
    case 'layer-id':
      if (!q.layerIds?.includes(e as string)) fail(q, 'unknown layer id');
      break;
  }
  finalMatches(q);
  for (const f of variants(q)) {
    const g = gradeBuilt(b, f);
    if (!g.correct) fail(q, `format "${f}" not accepted: ${JSON.stringify(g)}`);
  }
  // Every slip is wrong and, answered, is named.
  for (const s of b.slips) {
    const g = gradeBuilt(b, answerText(q, s.value));
    if (g.correct) fail(q, `slip ${s.id} graded correct`);
    if (!g.slip) fail(q, `slip ${s.id} (${JSON.stringify(s.value)}) not detected: ${JSON.stringify(g)}`);
  }
}

/** The worked solution's final line states the answer. */
function finalMatches(q: Question): void {
  const f = q.solution.final;
  const e = q.expected;
  const numbers = (f.match(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi) ?? []).map(Number);
  switch (q.answerKind) {
    case 'integer':
      if (!numbers.includes(e as number)) fail(q, `final "${f}" lacks ${e}`);
      break;
    case 'bytes':
      if (!numbers.includes(e as number)) fail(q, `final "${f}" lacks ${e}`);
      break;
    case 'number':
      if (!numbers.some((x) => Math.abs(x - (e as number)) <= 5e-3 * Math.abs(e as number)))
        fail(q, `final "${f}" lacks ${e}`);
      break;
    // A shape or a pair is written in the solution as the expected answer shows it (and the hint asks).
    case 'shape':
    case 'pair':
      if (!f.includes(formatAnswer(q))) fail(q, `final "${f}" lacks the answer as shown, ${formatAnswer(q)}`);
      break;
    case 'choice':
    case 'layer-id':
      if (!f.startsWith(String(e))) fail(q, `final "${f}" does not start with ${e}`);
      break;
  }
}

/** A value written in the simplest form for the question's kind (bytes in the stated unit). */
export function answerText(q: Pick<Question, 'answerKind' | 'unit'>, v: number | number[] | string): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  if (q.answerKind === 'bytes') {
    const u = (q.unit ?? 'B') as ByteUnit;
    return u === 'B' ? `${v} B` : `${Number((v / BYTE_UNIT_SIZE[u]).toPrecision(8))} ${u}`;
  }
  return String(v);
}

/** The documented ways of writing the expected answer. */
export function variants(q: Question): string[] {
  const e = q.expected;
  switch (q.answerKind) {
    case 'integer': {
      const n = e as number;
      const out = [String(n), formatInt(n), formatInt(n).replace(/,/g, ' '), n.toExponential(), ` ${n} `];
      for (const [suffix, exp] of [
        ['k', 3],
        ['M', 6],
        ['G', 9],
      ] as const) {
        const s = String(n / 10 ** exp);
        if (n >= 10 ** exp && Number(`${s}e${exp}`) === n) out.push(`${s}${suffix}`);
      }
      if (q.unit) out.push(`${n} ${q.unit}`);
      return out;
    }
    case 'number': {
      const x = e as number;
      const [m, ex] = x.toExponential(5).split('e');
      return [
        String(x),
        x.toPrecision(4),
        x.toExponential(3),
        `${m}×10^${Number(ex)}`,
        `${m} x 10^${Number(ex)}`,
      ];
    }
    case 'shape': {
      const s = e as number[];
      return [`[${s.join(', ')}]`, s.join('x'), s.join('×'), s.join(' × '), `(${s.join(',')})`];
    }
    case 'pair': {
      const [a, b] = e as number[];
      return [`${a}, ${b}`, `(${a}, ${b})`, `r = ${a}, j = ${b}`, `${a} and ${b}`];
    }
    case 'bytes': {
      const b = e as number;
      const out = [`${b} B`, `${b} bytes`, `${formatInt(b)} bytes`];
      if (q.unit === 'B') return [...out, String(b)];
      if (q.unit)
        out.push(answerText(q, b), String(Number((b / BYTE_UNIT_SIZE[q.unit as ByteUnit]).toPrecision(6))));
      for (const u of ['KB', 'MB', 'KiB', 'MiB'] as const)
        out.push(`${Number((b / BYTE_UNIT_SIZE[u]).toPrecision(6))} ${u}`);
      return out;
    }
    case 'choice': {
      const k = e as string;
      const idx = q.choices!.findIndex((c) => c.key === k);
      return [k, k.toLowerCase(), `(${k})`, `${k}.`, String(idx + 1), q.choices![idx].text];
    }
    case 'layer-id':
      return [e as string, `"${e}"`, ` ${e} `];
  }
}

export function expectCount(n: number): void {
  expect(n).toBe(SEEDS * DIFFICULTIES.length);
}
