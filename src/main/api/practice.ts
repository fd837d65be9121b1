import {
  generate,
  generateForDesign,
  grade,
  type Question,
  questionFromSpec,
  ratingForAttempt,
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
 * A stored review card as the API answers it: its question reference is checked with the same schema
 * as a request (a row imported or edited outside the app may hold anything); a card whose question no
 * longer passes is still reviewed, as a card of its skill.
 */
function checkedItem(item: ReviewItem): ReviewItem {
  if (item.question === null) return item;
  return questionRef.safeParse(item.question).success ? item : { ...item, question: null };
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
    // A missed question gets a card of its own, so that exactly that question comes back for review.
    const questionCardId = `question:${question.id}`;
    const questionPrev = ctx.store.practice.card(questionCardId)?.card as ReviewCard | undefined;
    let questionDue: number | null = null;
    if (!result.correct || questionPrev) {
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
  'practice:reviews': (_request, { store, now }) => ok(store.practice.due(now()).map(checkedItem)),
};
