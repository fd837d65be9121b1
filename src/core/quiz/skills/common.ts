import { formatInt } from '../../format';
import type { FormulaTrace } from '../../formulas/latex';
import { ShapeError } from '../../formulas/layers';
import { outputSizeLatex, type OutputSizeTrace } from '../../formulas/output-size';
import { ModelValidationError } from '../../model/validate';
import { shapeAnswer } from '../answer-format';
import type { QuizRng } from '../rng';
import type { AnswerValue, Built, Difficulty, GeneratedSkill, SlipCandidate } from '../types';

/** One skill: draws a spec from the seeded stream, and derives everything else from that spec with the core. */
export interface SkillDef<S> {
  id: GeneratedSkill;
  title: string;
  /** English prompt templates by i18n key; `{name}` is replaced by the prompt's params. */
  templates: Record<string, string>;
  make(rng: QuizRng, difficulty: Difficulty): S;
  build(spec: S): Built;
}

/** Fills `{name}` placeholders; integers of five digits or more get thousands separators. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 10000 ? formatInt(v) : String(v);
  });
}

/**
 * Draws specs until one builds and passes `accept` (the core rejects kernels that do not fit, and a
 * question must have one clear answer). Deterministic: the draws come from the question's own stream.
 */
export function draw<S>(
  rng: QuizRng,
  make: () => S,
  build: (s: S) => Built,
  accept: (s: S, b: Built) => boolean = () => true,
): S {
  for (let i = 0; i < 500; i++) {
    try {
      const s = make();
      const b = build(s);
      if (accept(s, b)) return s;
    } catch (error) {
      if (
        !(error instanceof ShapeError) &&
        !(error instanceof ModelValidationError) &&
        !(error instanceof QuizSpecError)
      )
        throw error;
    }
  }
  throw new Error('no well-posed question found in 500 draws');
}

/** A drawn spec that cannot make a well-posed question (e.g. no unique answer); the draw is repeated. */
export class QuizSpecError extends Error {}

export function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Slips whose answer differs from the right one (a slip that changes nothing is no slip here). */
export function realSlips(expected: AnswerValue, slips: (SlipCandidate | null)[]): SlipCandidate[] {
  const out: SlipCandidate[] = [];
  for (const s of slips) {
    if (!s) continue;
    if (typeof s.value === 'number' && !Number.isFinite(s.value)) continue;
    if (sameValue(s.value, expected)) continue;
    if (out.some((o) => sameValue(o.value, s.value))) continue;
    out.push(s);
  }
  return out;
}

export function trace(quantity: string, formula: string, substituted: string, value: number): FormulaTrace {
  return { quantity, formula, substituted, value };
}

export function sizeTrace(t: OutputSizeTrace, dim: 'h' | 'w' | ''): FormulaTrace {
  const l = outputSizeLatex(t);
  return trace(dim ? `outputSize.${dim}` : 'outputSize', l.formula, l.substituted, t.result);
}

export function kText(k: [number, number]): string {
  return k[0] === k[1] ? `${k[0]}×${k[0]}` : `${k[0]}×${k[1]}`;
}

export function shapeStr(s: readonly number[]): string {
  return shapeAnswer(s);
}
