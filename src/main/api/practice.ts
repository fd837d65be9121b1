import {
  creditable,
  creditGrade,
  generate,
  generateForDesign,
  grade,
  isSkill,
  type Question,
  questionFromSpec,
  QuizRng,
  ratingForAttempt,
  relatedSkills,
  type ReviewCard,
  scheduleReview,
} from '../../core/quiz';
import { validateModel } from '../../core';
import { questionRef } from '../../shared/contracts/practice';
import { fail, ok, type Result } from '../../shared/result';
import type { QuestionRef, ReviewItem } from '../../shared/types';
import type { CardWrite } from '../db/practice';
import type { ApiContext, Handlers } from './types';

/** Builds the question a reference stands for with the core; every answer is graded against this. */
function resolveQuestion(ref: QuestionRef, { store }: ApiContext): Result<Question> {
  try {
    if (ref.kind === 'generated')
      return ok(generate(ref.skill as Parameters<typeof generate>[0], ref.difficulty, ref.seed));
    if (ref.kind === 'spec')
      return ok(questionFromSpec(ref.skill as Parameters<typeof generate>[0], ref.spec, ref.difficulty));
    const design = store.designs.get(ref.designId);
    if (!design) return fail('not_found', `There is no design with id "${ref.designId}".`);
    const valid = validateModel(design.model);
    if (!valid.ok)
      return fail(
        'invalid_model',
        `Design "${design.name}" is not a valid model: ${valid.errors[0]!.message}`,
      );
    return ok(generateForDesign(valid.model, design.name, ref.seed, ref.difficulty));
  } catch (error) {
    // A spec the generator cannot build (numbers that do not fit, missing fields) is the caller's error.
    return fail('invalid_request', `The question could not be built: ${(error as Error).message}`);
  }
}

/**
 * The review card a question belongs to: a skill at a difficulty, or a saved design at a difficulty.
 * A card is parametric: each review draws fresh numbers (see {@link reviewQuestion}).
 */
export function reviewCardId(ref: QuestionRef, skill: string): string {
  return ref.kind === 'design'
    ? `review:design:${ref.designId}:${ref.difficulty}`
    : `review:${skill}:${ref.difficulty}`;
}

const MAX_SEED = 2 ** 31 - 1;

/** What a question asks, to tell two questions apart (the seed alone does not: concept items repeat). */
function identity(ref: QuestionRef): string | null {
  try {
    if (ref.kind === 'generated' && isSkill(ref.skill))
      return JSON.stringify(generate(ref.skill, ref.difficulty, ref.seed).spec);
    if (ref.kind === 'spec') return JSON.stringify(ref.spec);
    return ref.kind === 'design' ? `design:${ref.seed}` : null;
  } catch {
    return null;
  }
}

/**
 * The question a parametric card asks now: a generated question (or a design question) of its skill
 * at its difficulty, with a seed drawn from the card's id and review count, so that it is stable until
 * the card is reviewed and different afterwards, and never the exact question asked last time.
 */
export function reviewQuestion(item: ReviewItem, last: QuestionRef | null): QuestionRef | null {
  const m = /^review:(?:design:(.+)|([a-z-]+)):([123])$/.exec(item.id);
  if (!m) return null;
  const difficulty = Number(m[3]) as 1 | 2 | 3;
  const rng = new QuizRng(`${item.id}:${item.reps}:${item.lapses}:${item.due}`);
  const before = last ? identity(last) : null;
  let fresh: QuestionRef | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const seed = rng.int(0, MAX_SEED);
    if (m[1] !== undefined) fresh = { kind: 'design', designId: m[1], difficulty, seed };
    else if (m[2] !== undefined && isSkill(m[2]))
      fresh = { kind: 'generated', skill: m[2], difficulty, seed };
    else return null;
    if (before === null || identity(fresh) !== before) break;
  }
  return fresh;
}

/**
 * A stored review card as the API answers it. The stored question is the one last asked: it is checked
 * with the same schema as a request (a row imported or edited outside the app may hold anything) and
 * only used to avoid asking it again; the card asks fresh numbers of its skill and difficulty.
 */
function reviewItem(item: ReviewItem): ReviewItem {
  const last = item.question !== null && questionRef.safeParse(item.question).success ? item.question : null;
  if (!item.id.startsWith('review:')) return { ...item, difficulty: null, question: null };
  const question = reviewQuestion(item, last);
  return { ...item, difficulty: question?.difficulty ?? null, question };
}

type PracticeChannels = Extract<keyof Handlers, `practice:${string}`>;

export const practiceHandlers: Pick<Handlers, PracticeChannels> = {
  'practice:question': ({ question }, ctx) => resolveQuestion(question, ctx),
  'practice:answer': (request, ctx) => {
    const resolved = resolveQuestion(request.question, ctx);
    if (!resolved.ok) return resolved;
    const question = resolved.value;
    const result = grade(question, request.answer);
    const now = ctx.now();
    const at = new Date(now);
    const rating = ratingForAttempt({
      correct: result.correct,
      timeMs: request.timeMs,
      hintUsed: request.hintUsed,
    });

    const skillCardId = `skill:${question.skill}`;
    const skillPrev = ctx.store.practice.card(skillCardId)?.card as ReviewCard | undefined;
    const skillNext = scheduleReview(skillPrev, rating, at);
    const cards: CardWrite[] = [
      {
        id: skillCardId,
        skill: question.skill,
        card: skillNext.card,
        due: skillNext.due.getTime(),
        question: null,
      },
    ];
    // A missed question makes its skill at that difficulty a review card: fresh numbers come back.
    const questionCardId = reviewCardId(request.question, question.skill);
    // A stored card whose state is damaged is scheduled as new (and written over with a sound one).
    const questionStored = ctx.store.practice.card(questionCardId);
    const questionPrev = questionStored?.card as ReviewCard | undefined;
    let questionDue: number | null = null;
    if (!result.correct || questionStored) {
      const next = scheduleReview(questionPrev, rating, at);
      questionDue = next.due.getTime();
      cards.push({
        id: questionCardId,
        skill: question.skill,
        card: next.card,
        due: questionDue,
        question: request.question,
      });
    }
    // A right answer is weaker evidence about the skills it relies on (core: RELATED_SKILLS).
    const credit = creditGrade(rating);
    if (credit) {
      for (const related of relatedSkills(question.skill)) {
        for (const stored of ctx.store.practice.cardsOfSkill(related)) {
          const prev = stored.card as ReviewCard | undefined;
          if (!creditable(prev, at)) continue;
          const next = scheduleReview(prev, credit, at);
          cards.push({
            id: stored.id,
            skill: stored.skill,
            card: next.card,
            due: next.due.getTime(),
            question: null,
          });
        }
      }
    }
    const attemptId = ctx.store.practice.record(
      {
        questionId: question.id,
        skill: question.skill,
        seed: question.seed,
        difficulty: question.difficulty,
        answer: request.answer,
        correct: result.correct,
        timeMs: request.timeMs,
        hintUsed: request.hintUsed ?? false,
        mode: request.mode ?? 'practice',
        question: request.question,
      },
      cards,
      now,
    );
    return ok({ grade: result, attemptId, skillDue: skillNext.due.getTime(), questionDue });
  },
  'practice:reviews': (_request, { store, now }) => ok(store.practice.due(now()).map(reviewItem)),
};
