/**
 * What the review cards say the learner knows, and how skills credit each other.
 *
 * - Retrievability: each card's probability of recall now, from its FSRS state (`retrievability`).
 * - Expected knowledge: the mean retrievability over cards, per skill and over all of them.
 * - Related skills: a right answer is evidence about the skills it relies on. `RELATED_SKILLS` is the
 *   one table of these relations; `creditGrade` is the weaker grade such an indirect review gets and
 *   `creditable` which stored cards take it (docs/architecture.md, "Review cards").
 */
import type { CardKnowledge, KnowledgeSummary } from '../../shared/types';
import { type ReviewCard, type ReviewGrade, retrievability } from './review';
import type { GeneratedSkill } from './types';

export interface SkillRelation {
  /** The skill answered right. */
  from: GeneratedSkill;
  /** The skill the answer is evidence about. */
  to: GeneratedSkill;
  /** Why, in a few words (for the documentation and the tests). */
  why: string;
}

/** Directed: answering `from` right credits `to`; both directions are listed where each implies the other. */
export const RELATED_SKILLS: readonly SkillRelation[] = [
  { from: 'receptive-field', to: 'inverse-padding-stride', why: 'the jump is the product of the strides' },
  { from: 'output-size', to: 'inverse-padding-stride', why: 'the same formula, solved for P or S' },
  { from: 'inverse-padding-stride', to: 'output-size', why: 'solving for P or S applies the formula' },
  { from: 'conv-macs-flops', to: 'output-size', why: 'the MACs need the output size M' },
  { from: 'conv-macs-flops', to: 'conv-params', why: 'both count K²·Cᵢₙ·Cₒᵤₜ' },
  { from: 'conv-params', to: 'conv-macs-flops', why: 'MACs are the weights times the output positions' },
  { from: 'conv-params', to: 'linear-params', why: 'a linear layer is a 1×1 convolution on one position' },
  { from: 'network-totals', to: 'conv-macs-flops', why: 'a network total sums the layers’ MACs' },
  { from: 'network-totals', to: 'conv-params', why: 'a network total sums the layers’ parameters' },
  { from: 'feature-map-memory', to: 'output-size', why: 'a map’s bytes need its shape' },
  { from: 'training-memory', to: 'feature-map-memory', why: 'saved activations are feature maps' },
  { from: 'gradient-arithmetic', to: 'training-dynamics', why: 'the same chain of derivative factors' },
  {
    from: 'training-dynamics',
    to: 'gradient-arithmetic',
    why: 'reading a run needs the gradient arithmetic',
  },
];

/** The skills a right answer on `skill` credits (never the skill itself). */
export function relatedSkills(skill: string): GeneratedSkill[] {
  return RELATED_SKILLS.filter((r) => r.from === skill && r.to !== skill).map((r) => r.to);
}

const WEAKER: Record<ReviewGrade, ReviewGrade | null> = {
  easy: 'good',
  good: 'hard',
  hard: 'hard',
  again: null,
};

/** The grade a related skill's card is reviewed with: one step below the answer's, at least "hard"; none for a miss. */
export function creditGrade(direct: ReviewGrade): ReviewGrade | null {
  return WEAKER[direct];
}

const DAY = 86_400_000;

/**
 * Whether a stored card takes an indirect review at `now`: only a card in the review state whose last
 * review is at least a day old. A card still in its learning steps, or reviewed today, keeps its
 * schedule (an FSRS review on the same day can lower stability), so a run of right answers credits a
 * related card at most once a day and never makes it weaker.
 */
export function creditable(card: ReviewCard | undefined, now: Date): card is ReviewCard {
  if (!card || card.state !== 'review' || !card.lastReview) return false;
  return now.getTime() - new Date(card.lastReview).getTime() >= DAY;
}

/** The difficulty in a parametric card's id (`review:<skill>:<d>`, `review:design:<id>:<d>`); null for a skill card. */
export function cardDifficulty(id: string): 1 | 2 | 3 | null {
  const m = /^review:.+:([123])$/.exec(id);
  return m ? (Number(m[1]) as 1 | 2 | 3) : null;
}

/** One stored card as the Progress page shows it; `card` undefined for a damaged row (no retrievability). */
export function cardKnowledge(
  row: { id: string; skill: string; due: number; card: ReviewCard | undefined },
  now: Date,
): CardKnowledge {
  return {
    id: row.id,
    skill: row.skill,
    difficulty: cardDifficulty(row.id),
    due: row.due,
    state: row.card?.state ?? 'new',
    reps: row.card?.reps ?? 0,
    retrievability: row.card ? retrievability(row.card, now) : null,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The mean retrievability over the cards, per skill (in the order skills first appear) and over all. */
export function expectedKnowledge(cards: readonly CardKnowledge[]): KnowledgeSummary {
  const known = cards.filter(
    (c): c is CardKnowledge & { retrievability: number } => c.retrievability !== null,
  );
  const bySkill = new Map<string, number[]>();
  for (const c of known) bySkill.set(c.skill, [...(bySkill.get(c.skill) ?? []), c.retrievability]);
  return {
    all: mean(known.map((c) => c.retrievability)),
    cards: known.length,
    bySkill: [...bySkill].map(([skill, rs]) => ({ skill, cards: rs.length, expected: mean(rs)! })),
  };
}
