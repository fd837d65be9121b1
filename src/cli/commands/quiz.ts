import {
  type Difficulty,
  formatAnswer,
  type GeneratedSkill,
  isSkill,
  listSkills,
  type Question,
  traceToText,
  worksheet,
} from '../../core/quiz';
import { type CliIO, type Command, UsageError } from '../io';
import { gradeCommand } from './quiz-grade';

interface QuizArgs {
  skill?: GeneratedSkill;
  difficulty?: Difficulty;
  count: number;
  seed: number;
  json: boolean;
  /** A worksheet with answers to grade. */
  grade?: string;
}

function intFlag(name: string, value: string | undefined, lo: number, hi: number): number {
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  if (!/^\d+$/.test(value) || Number(value) < lo || Number(value) > hi)
    throw new UsageError(`${name} must be an integer from ${lo} to ${hi}, got "${value}"`);
  return Number(value);
}

export function parseQuizArgs(args: string[]): QuizArgs {
  const out: QuizArgs = { count: 10, seed: 1, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--skill': {
        const v = value();
        if (v === undefined) throw new UsageError('--skill needs a value');
        if (!isSkill(v))
          throw new UsageError(
            `unknown skill "${v}" (skills: ${listSkills()
              .map((s) => s.id)
              .join(', ')})`,
          );
        out.skill = v;
        break;
      }
      case '--difficulty':
        out.difficulty = intFlag('--difficulty', value(), 1, 3) as Difficulty;
        break;
      case '--count':
        out.count = intFlag('--count', value(), 1, 1000);
        break;
      case '--seed':
        out.seed = intFlag('--seed', value(), 0, Number.MAX_SAFE_INTEGER);
        break;
      case '--grade': {
        const v = value();
        if (v === undefined) throw new UsageError('--grade needs a file');
        out.grade = v;
        break;
      }
      case '--json':
        if (inline !== undefined) throw new UsageError('--json takes no value');
        out.json = true;
        break;
      default:
        throw new UsageError(
          `unknown option "${a}" (usage: convscope quiz [--skill S] [--difficulty 1-3] [--count N] [--seed N] [--json] | --grade FILE [--json])`,
        );
    }
  }
  return out;
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** The printable worksheet: questions first, then the answer key with worked solutions. */
export function renderWorksheet(qs: Question[], a: QuizArgs): string {
  const lines: string[] = [];
  const what = a.skill ?? 'all skills';
  lines.push(`ConvScope worksheet — ${what}, difficulty ${a.difficulty ?? '1–3'}, seed ${a.seed}`, '');
  qs.forEach((q, i) => {
    lines.push(`${i + 1}. [${q.skill}, difficulty ${q.difficulty}]`);
    lines.push(indent(q.text, '   '));
    if (q.choices) for (const c of q.choices) lines.push(`     ${c.key}) ${c.text}`);
    lines.push('');
  });
  lines.push('Answer key', '==========', '');
  qs.forEach((q, i) => {
    lines.push(`${i + 1}. ${formatAnswer(q)}    (id ${q.id})`);
    for (const s of q.solution.steps) lines.push(`     ${traceToText(s)}`);
    lines.push(`     → ${q.solution.final}`);
    if (q.choices) for (const c of q.choices) lines.push(`     ${c.key}) ${c.explanation}`);
    lines.push('');
  });
  return lines.join('\n');
}

/** `convscope quiz`: a reproducible worksheet with an answer key, or the questions as JSON. */
export const quiz: Command = async (args: string[], io: CliIO) => {
  const a = parseQuizArgs(args);
  if (a.grade !== undefined) return gradeCommand(a.grade, a.json, io);
  const qs = worksheet({
    skills: a.skill ? [a.skill] : undefined,
    difficulty: a.difficulty,
    count: a.count,
    seed: a.seed,
  });
  if (a.json) {
    io.out(JSON.stringify({ seed: a.seed, count: a.count, questions: qs }, null, 2));
    return 0;
  }
  io.out(renderWorksheet(qs, a));
  return 0;
};
