import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { GradeNote, Question } from '../../../core/quiz';
import { answerForGrading, unreadable } from '../practice/answer-check';
import { i18n } from '../i18n';
import { api } from '../api';
import type { PracticeAnswer } from '../../../shared/contracts/practice';
import type { ReviewItem } from '../../../shared/types';
import {
  DEFAULT_CONFIG,
  planDesign,
  planGenerated,
  planReviews,
  randomInt,
  type PlannedItem,
  type SessionConfig,
} from '../practice/session';

export type SessionKind = 'generated' | 'review' | 'design';
export type Phase = 'setup' | 'asking' | 'feedback' | 'summary';

export interface SessionItem extends PlannedItem {
  question: Question | null;
  answer: string | null;
  result: PracticeAnswer | null;
  timeMs: number;
}

/** One practice session at a time: the plan, the current question, the answers and their grades. */
export const usePracticeStore = defineStore('practice', () => {
  const config = ref<SessionConfig>({ ...DEFAULT_CONFIG, skills: [...DEFAULT_CONFIG.skills] });
  const kind = ref<SessionKind>('generated');
  const exam = ref(false);
  const phase = ref<Phase>('setup');
  const items = ref<SessionItem[]>([]);
  const index = ref(0);
  const draft = ref('');
  /** Why the typed answer could not be read; nothing was recorded. */
  /** Why the typed answer cannot be graded ('' when nothing was typed); null once it can. */
  const parseError = ref<GradeNote | '' | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);
  const reviews = ref<ReviewItem[]>([]);
  const deadline = ref<number | null>(null);
  const timedOut = ref(false);
  let askedAt = 0;
  let now: () => number = () => Date.now();

  const current = computed<SessionItem | null>(() => items.value[index.value] ?? null);
  const answered = computed(() => items.value.filter((i) => i.result !== null));
  const correctCount = computed(() => answered.value.filter((i) => i.result!.grade.correct).length);

  async function loadReviews(): Promise<void> {
    const result = await api.practice.reviews({});
    if (result.ok) reviews.value = result.value;
    else error.value = result.error.message;
  }

  async function loadCurrent(): Promise<void> {
    const item = current.value;
    if (!item) return;
    draft.value = '';
    parseError.value = null;
    if (!item.question) {
      busy.value = true;
      const result = await api.practice.question({ question: item.ref });
      busy.value = false;
      if (!result.ok) {
        error.value = result.error.message;
        return;
      }
      item.question = result.value;
    }
    error.value = null;
    askedAt = now();
    phase.value = 'asking';
  }

  async function begin(plan: PlannedItem[], sessionKind: SessionKind): Promise<void> {
    kind.value = sessionKind;
    exam.value = config.value.exam && sessionKind !== 'review';
    items.value = plan.map((p) => ({ ...p, question: null, answer: null, result: null, timeMs: 0 }));
    index.value = 0;
    timedOut.value = false;
    error.value = null;
    deadline.value = config.value.minutes ? now() + config.value.minutes * 60_000 : null;
    if (items.value.length === 0) {
      phase.value = 'summary';
      return;
    }
    await loadCurrent();
  }

  const start = () => begin(planGenerated(config.value, randomInt), 'generated');
  const startDesign = (designId: string) => begin(planDesign(designId, config.value, randomInt), 'design');

  async function startReviews(): Promise<void> {
    await loadReviews();
    await begin(planReviews(reviews.value, config.value.difficulty, randomInt), 'review');
  }

  /**
   * Reads the answer with the core first: an answer that cannot be read (or is ambiguous) is reported
   * and not recorded. Otherwise the backend grades it again, stores it and schedules the reviews.
   */
  async function submit(): Promise<void> {
    const item = current.value;
    if (phase.value !== 'asking' || !item?.question || busy.value) return;
    const answer = draft.value.trim();
    const locale = i18n.global.locale.value;
    const note = unreadable(item.question, answer, locale);
    if (note !== null) {
      parseError.value = note;
      return;
    }
    parseError.value = null;
    const timeMs = Math.max(0, Math.min(now() - askedAt, 24 * 3600 * 1000));
    busy.value = true;
    const result = await api.practice.answer({
      question: item.ref,
      answer: answerForGrading(item.question, answer, locale).answer,
      timeMs,
      mode: kind.value === 'review' ? 'review' : exam.value ? 'exam' : 'practice',
    });
    busy.value = false;
    if (!result.ok) {
      error.value = result.error.message;
      return;
    }
    error.value = null;
    item.answer = answer;
    item.result = result.value;
    item.timeMs = timeMs;
    if (exam.value) await next();
    else phase.value = 'feedback';
  }

  async function next(): Promise<void> {
    if (index.value + 1 < items.value.length) {
      index.value += 1;
      await loadCurrent();
      return;
    }
    if (kind.value === 'review' && !timedOut.value) {
      // "Until the due reviews are done": cards that fell due meanwhile join the queue.
      await loadReviews();
      const asked = new Set(items.value.map((i) => i.reviewId));
      const more = planReviews(
        reviews.value.filter((r) => !asked.has(r.id)),
        config.value.difficulty,
        randomInt,
      );
      if (more.length) {
        items.value.push(
          ...more.map((p) => ({ ...p, question: null, answer: null, result: null, timeMs: 0 })),
        );
        index.value += 1;
        await loadCurrent();
        return;
      }
    }
    await finish();
  }

  async function finish(): Promise<void> {
    phase.value = 'summary';
    deadline.value = null;
    await loadReviews();
  }

  async function timeUp(): Promise<void> {
    if (phase.value === 'setup' || phase.value === 'summary') return;
    timedOut.value = true;
    await finish();
  }

  function reset(): void {
    phase.value = 'setup';
    items.value = [];
    index.value = 0;
    deadline.value = null;
    timedOut.value = false;
    error.value = null;
    parseError.value = null;
  }

  /** Tests replace the clock. */
  function setClock(clock: () => number): void {
    now = clock;
  }

  return {
    config,
    kind,
    exam,
    phase,
    items,
    index,
    draft,
    parseError,
    error,
    busy,
    reviews,
    deadline,
    timedOut,
    current,
    answered,
    correctCount,
    loadReviews,
    loadCurrent,
    start,
    startDesign,
    startReviews,
    submit,
    next,
    finish,
    timeUp,
    reset,
    setClock,
  };
});
