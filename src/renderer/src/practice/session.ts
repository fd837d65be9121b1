import { isSkill, SKILLS, type Difficulty, type GeneratedSkill } from '../../../core/quiz';
import type { RequestOf } from '../../../shared/contract';
import type { ReviewItem } from '../../../shared/types';

/** A question reference as the practice channels accept it. */
export type QuestionRef = RequestOf<'practice:question'>['question'];

/** The largest seed the API accepts. */
export const MAX_SEED = 2 ** 31 - 1;

export interface SessionConfig {
  skills: GeneratedSkill[];
  difficulty: Difficulty;
  count: number;
  exam: boolean;
  /** Time limit in minutes, or null for none. */
  minutes: number | null;
}

export const DEFAULT_CONFIG: SessionConfig = {
  skills: [...SKILLS],
  difficulty: 1,
  count: 5,
  exam: false,
  minutes: null,
};

/** One question of a session, as it is planned before the backend has built it. */
export interface PlannedItem {
  ref: QuestionRef;
  /** The review card this question answers, if it comes from the review queue. */
  reviewId: string | null;
}

export type RandomInt = (maxExclusive: number) => number;

export const randomInt: RandomInt = (maxExclusive) => Math.floor(Math.random() * maxExclusive);

/** `count` generated questions cycling through the chosen skills, each with its own random seed. */
export function planGenerated(config: SessionConfig, random: RandomInt = randomInt): PlannedItem[] {
  const skills = config.skills.length ? config.skills : [...SKILLS];
  // Shuffled once so a short session does not always start with the first skill.
  const order = [...skills];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return Array.from({ length: config.count }, (_, i) => ({
    ref: {
      kind: 'generated',
      skill: order[i % order.length]!,
      difficulty: config.difficulty,
      seed: random(MAX_SEED + 1),
    },
    reviewId: null,
  }));
}

/**
 * The due review cards as questions: a parametric card (a skill at a difficulty) asks the fresh question
 * the backend drew for it; a skill card asks a fresh question of its skill at the session's difficulty.
 * Cards of skills that cannot be generated any more are left out.
 */
export function planReviews(
  reviews: readonly ReviewItem[],
  difficulty: Difficulty,
  random: RandomInt = randomInt,
): PlannedItem[] {
  const out: PlannedItem[] = [];
  for (const card of reviews) {
    // The backend drew this question for the card (never the one last asked); it goes back unchanged.
    if (card.question) out.push({ ref: card.question as QuestionRef, reviewId: card.id });
    else if (isSkill(card.skill))
      out.push({
        ref: { kind: 'generated', skill: card.skill, difficulty, seed: random(MAX_SEED + 1) },
        reviewId: card.id,
      });
  }
  return out;
}

/** `count` questions about one saved design, each with its own seed. */
export function planDesign(
  designId: string,
  config: SessionConfig,
  random: RandomInt = randomInt,
): PlannedItem[] {
  return Array.from({ length: config.count }, () => ({
    ref: { kind: 'design', designId, difficulty: config.difficulty, seed: random(MAX_SEED + 1) },
    reviewId: null,
  }));
}

/** m:ss for the timer. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
