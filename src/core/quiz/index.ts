/**
 * The practice engine: generated questions per skill, graded by recomputing the answer with the
 * analysis core, with worked solutions from the core's formula traces and likely-slip detection.
 *
 *   generate(skill, difficulty, seed)            → Question (pure, reproducible from its id)
 *   generateForDesign(model, name, seed, diff)   → Question about a saved design
 *   grade(question, rawAnswer)                   → GradeResult (recomputed, never trusting `expected`)
 */
import { checkSpec } from '../../shared/contracts/practice-specs';
import { formatInt } from '../format';
import type { ModelSpec } from '../model/types';
import { pairAnswer, shapeAnswer } from './answer-format';
import { gradeBuilt, matches } from './grade';
import { QuizRng } from './rng';
import type { SkillDef } from './skills/common';
import { CONCEPT_ITEMS, concepts } from './skills/concepts';
import { convMacs, featureMemory } from './skills/compute';
import { buildDesign, DESIGN_TEMPLATES, type DesignSpec, makeDesign } from './skills/design';
import { gradientArithmetic } from './skills/gradient';
import { inverse } from './skills/inverse';
import { networkTotals } from './skills/network';
import { outputSize } from './skills/output-size';
import { convParams, linearParams } from './skills/params';
import { receptiveField } from './skills/receptive-field';
import { trainingDynamics, trainingMemory } from './skills/training';
import {
  BYTE_UNIT_SIZE,
  type Built,
  type ByteUnit,
  type Difficulty,
  type GeneratedSkill,
  type GradeResult,
  type Question,
  SKILLS,
} from './types';

export * from './types';
export { parseNumber, parseList, parseChoice, type ParsedNumber, type ParseFailure } from './parse';
export { matches, gradeBuilt, roundSig } from './grade';
export {
  GRADE_MESSAGES,
  SLIP_MESSAGES,
  fillNote,
  renderNote,
  type GradeCode,
  type GradeNote,
} from './messages';
export { latexToText, traceToText } from './plain';
export {
  answerFormat,
  formatExamples,
  FORMAT_TEMPLATES,
  type FormulaTraceName,
  pairAnswer,
  shapeAnswer,
  stepName,
  STEP_NAMES_EN,
  type StepNames,
} from './answer-format';
export { maxDerivative, chainBound, clipByNorm, sgdWithL2 } from './gradient-math';
export { QuizRng } from './rng';
export { CONCEPT_ITEMS } from './skills/concepts';
export * from './review';
export * from './knowledge';

// Specs differ per skill; the registry only passes each skill's own spec back to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous registry, typed per entry
const DEFS: Record<GeneratedSkill, SkillDef<any>> = {
  'output-size': outputSize,
  'inverse-padding-stride': inverse,
  'conv-params': convParams,
  'linear-params': linearParams,
  'conv-macs-flops': convMacs,
  'feature-map-memory': featureMemory,
  'network-totals': networkTotals,
  'receptive-field': receptiveField,
  'gradient-arithmetic': gradientArithmetic,
  concepts,
  'training-memory': trainingMemory,
  'training-dynamics': trainingDynamics,
};

export interface SkillInfo {
  id: GeneratedSkill;
  title: string;
}

/** The generated skills in teaching order, with English titles. */
export function listSkills(): SkillInfo[] {
  return SKILLS.map((id) => ({ id, title: DEFS[id].title }));
}

export function isSkill(s: string): s is GeneratedSkill {
  return (SKILLS as readonly string[]).includes(s);
}

/** English prompt templates by i18n key (`{name}` placeholders), for the UI's default locale. */
export function promptTemplates(): Record<string, string> {
  const out: Record<string, string> = { ...DESIGN_TEMPLATES };
  for (const id of SKILLS) Object.assign(out, DEFS[id].templates);
  for (const item of CONCEPT_ITEMS) out[`quiz.concepts.${item.id}`] = item.question;
  return out;
}

function checkDifficulty(d: number): asserts d is Difficulty {
  if (d !== 1 && d !== 2 && d !== 3) throw new RangeError(`difficulty must be 1, 2 or 3, got ${d}`);
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
}

/**
 * Drops slips the tolerance cannot tell from the right answer (e.g. a forgotten weight read that
 * changes a memory figure by less than 0.1 %): such an answer is graded right, so it is no slip.
 */
function distinctSlips(b: Built): Built {
  const scale = b.answerKind === 'bytes' ? BYTE_UNIT_SIZE[(b.unit as ByteUnit | undefined) ?? 'MB'] : 1;
  return { ...b, slips: b.slips.filter((s) => !matches(s.value, b.expected, b.tolerance, scale)) };
}

function toQuestion(
  b: Built,
  base: Pick<Question, 'id' | 'skill' | 'difficulty' | 'seed' | 'spec'> & { design?: string },
): Question {
  const { slips: _slips, ...rest } = b;
  return { ...base, ...rest };
}

/** A question of `skill` at `difficulty`, determined by `seed` alone. */
export function generate(skill: GeneratedSkill, difficulty: Difficulty, seed: number): Question {
  return generateBuilt(skill, difficulty, seed).question;
}

/** {@link generate} plus everything derived from the spec (slips included), built once. */
export function generateBuilt(
  skill: GeneratedSkill,
  difficulty: Difficulty,
  seed: number,
): { question: Question; built: Built } {
  if (!isSkill(skill))
    throw new RangeError(`unknown skill "${String(skill)}" (skills: ${SKILLS.join(', ')})`);
  checkDifficulty(difficulty);
  checkSeed(seed);
  const def = DEFS[skill];
  const rng = new QuizRng(`${skill}:${difficulty}:${seed}`);
  const spec = def.make(rng, difficulty);
  const built = distinctSlips(def.build(spec));
  return {
    question: toQuestion(built, { id: `${skill}:${difficulty}:${seed}`, skill, difficulty, seed, spec }),
    built,
  };
}

/**
 * The spec checked against its skill's schema (bounds the generator itself draws within), so that no
 * spec from outside makes the core do unbounded work. Throws a RangeError naming what was wrong.
 */
function validSpec(skill: GeneratedSkill, spec: unknown): unknown {
  const r = checkSpec(skill, spec);
  if (!r.ok) throw new RangeError(`not a valid ${skill} question: ${r.message}`);
  return r.spec;
}

/** A question from an explicit spec (e.g. a teacher's or a lesson's own numbers); graded like any other. */
export function questionFromSpec(skill: GeneratedSkill, spec: unknown, difficulty: Difficulty = 1): Question {
  if (!isSkill(skill)) throw new RangeError(`unknown skill "${String(skill)}"`);
  checkDifficulty(difficulty);
  spec = validSpec(skill, spec);
  return toQuestion(DEFS[skill].build(spec), {
    id: `${skill}:${difficulty}:custom`,
    skill,
    difficulty,
    seed: -1,
    spec,
  });
}

/** Rebuilds a generated question from its id `skill:difficulty:seed`. */
export function questionFromId(id: string): Question {
  const m = /^([a-z-]+):([123]):(\d+)$/.exec(id);
  if (!m || !isSkill(m[1])) throw new RangeError(`not a question id: "${id}"`);
  return generate(m[1], Number(m[2]) as Difficulty, Number(m[3]));
}

/** A question about a user's saved design; `seed` picks the question and the layer. */
export function generateForDesign(
  model: ModelSpec,
  designName: string,
  seed: number,
  difficulty: Difficulty = 2,
): Question {
  checkDifficulty(difficulty);
  checkSeed(seed);
  const rng = new QuizRng(`design:${difficulty}:${seed}:${designName}`);
  const spec = makeDesign(rng, model, designName, difficulty);
  return toQuestion(buildDesign(spec), {
    id: `design:${difficulty}:${seed}:${designName}`,
    skill: 'design',
    difficulty,
    seed,
    spec,
    design: designName,
  });
}

/** Everything derived from the question's spec, recomputed with the core now. */
export function rebuild(q: Question): Built {
  if (q.skill === 'design') return distinctSlips(buildDesign(q.spec as DesignSpec));
  if (!isSkill(q.skill)) throw new RangeError(`unknown skill "${String(q.skill)}"`);
  return distinctSlips(DEFS[q.skill].build(validSpec(q.skill, q.spec)));
}

/**
 * Grades a raw answer. The expected answer is recomputed from the question's spec with the core;
 * the question's stored `expected` is not consulted.
 */
export function grade(q: Question, rawAnswer: string): GradeResult {
  const b = rebuild(q);
  return { ...gradeBuilt(b, rawAnswer), solution: b.solution };
}

function sig(x: number, digits: number): string {
  const s = Number(x.toPrecision(digits));
  return Math.abs(s) >= 1e-3 && Math.abs(s) < 1e9
    ? String(s)
    : s.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/**
 * The expected answer written the way a learner would (units and separators included), at the
 * precision the question asks for.
 */
export function formatAnswer(
  q: Pick<Question, 'answerKind' | 'expected' | 'unit' | 'choices'> & Partial<Pick<Question, 'tolerance'>>,
): string {
  const e = q.expected;
  const digits = q.tolerance?.kind === 'sigfigs' ? q.tolerance.digits : undefined;
  switch (q.answerKind) {
    case 'integer':
      return `${formatInt(e as number)}${q.unit ? ` ${q.unit}` : ''}`;
    case 'number':
      return sig(e as number, digits ?? 4);
    case 'shape':
      return shapeAnswer(e as number[]);
    case 'pair':
      return pairAnswer(e as number[]);
    case 'bytes': {
      const bytes = e as number;
      if (q.unit === 'B') return `${formatInt(bytes)} B`;
      const u = (q.unit ?? 'MB') as ByteUnit;
      return `${sig(bytes / BYTE_UNIT_SIZE[u], digits ?? 6)} ${u} (${formatInt(bytes)} bytes)`;
    }
    case 'choice': {
      const c = q.choices?.find((x) => x.key === e);
      return c ? `${e}) ${c.text}` : String(e);
    }
    case 'layer-id':
      return String(e);
  }
}

export interface WorksheetOptions {
  skills?: readonly GeneratedSkill[];
  difficulty?: Difficulty;
  count: number;
  seed: number;
}

/**
 * A worksheet: `count` questions cycling through the skills, each with its own seed derived from
 * the worksheet seed, so that the same options always give the same sheet.
 */
export function worksheet(o: WorksheetOptions): Question[] {
  const skills = o.skills && o.skills.length ? o.skills : SKILLS;
  const rng = new QuizRng(`worksheet:${o.seed}`);
  const out: Question[] = [];
  for (let i = 0; i < o.count; i++) {
    const skill = skills[i % skills.length];
    const difficulty = o.difficulty ?? ((1 + (i % 3)) as Difficulty);
    out.push(generate(skill, difficulty, rng.int(0, 2 ** 31 - 1)));
  }
  return out;
}
