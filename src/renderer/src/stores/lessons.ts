import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { LESSON_IDS, isLessonId, type LessonId } from '../lessons/catalog';
import type { LessonProgress } from '../../../shared/types';

export type LessonStatus = 'done' | 'started' | 'new';

export function lessonStatus(p: LessonProgress | undefined): LessonStatus {
  if (!p) return 'new';
  if (p.completedAt !== null) return 'done';
  return p.visitedAt !== null ? 'started' : 'new';
}

/**
 * The lesson to continue: the most recently visited one that is not completed; otherwise the first
 * lesson of the path not completed yet; null when every lesson is done.
 */
export function currentLesson(progress: readonly LessonProgress[]): LessonId | null {
  const open = progress
    .filter((p) => isLessonId(p.lessonId) && p.completedAt === null && p.visitedAt !== null)
    .sort((a, b) => (b.visitedAt ?? 0) - (a.visitedAt ?? 0));
  if (open.length > 0) return open[0]!.lessonId as LessonId;
  const done = new Set(progress.filter((p) => p.completedAt !== null).map((p) => p.lessonId));
  return LESSON_IDS.find((id) => !done.has(id)) ?? null;
}

/** Lesson progress (visited, completed, last position), stored by the backend and resumed from it. */
export const useLessonsStore = defineStore('lessons', () => {
  const byId = ref<Record<string, LessonProgress>>({});
  const loaded = ref(false);
  const error = ref<string | null>(null);

  function put(p: LessonProgress) {
    byId.value = { ...byId.value, [p.lessonId]: p };
  }

  async function load(): Promise<void> {
    const result = await api.progress.get({ timezoneOffset: new Date().getTimezoneOffset() });
    loaded.value = true;
    if (!result.ok) {
      error.value = result.error.message;
      return;
    }
    error.value = null;
    byId.value = Object.fromEntries(result.value.lessons.map((p) => [p.lessonId, p]));
  }

  /** Marks the lesson visited; with a position (a section id), remembers where the learner is. */
  async function visit(lessonId: LessonId, position?: string): Promise<void> {
    const result = await api.lessons.visit(position ? { lessonId, position } : { lessonId });
    if (result.ok) put(result.value);
    else error.value = result.error.message;
  }

  async function complete(lessonId: LessonId): Promise<void> {
    const result = await api.lessons.complete({ lessonId });
    if (result.ok) put(result.value);
    else error.value = result.error.message;
  }

  const status = (id: LessonId): LessonStatus => lessonStatus(byId.value[id]);
  const position = (id: LessonId): string | null => byId.value[id]?.position ?? null;
  const current = computed(() => currentLesson(Object.values(byId.value)));
  const doneCount = computed(() => LESSON_IDS.filter((id) => status(id) === 'done').length);

  return { byId, loaded, error, load, visit, complete, status, position, current, doneCount };
});
