import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { DataDocument, ImportReport, Progress, ReviewItem } from '../../../shared/types';

/** The learner's progress and due reviews as the backend reports them; export and import of all data. */
export const useProgressStore = defineStore('progress', () => {
  const progress = ref<Progress | null>(null);
  const reviews = ref<ReviewItem[]>([]);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    const [result, due] = await Promise.all([
      api.progress.get({ timezoneOffset: new Date().getTimezoneOffset() }),
      api.practice.reviews({}),
    ]);
    if (!result.ok) {
      error.value = result.error.message;
      return;
    }
    if (!due.ok) {
      error.value = due.error.message;
      return;
    }
    error.value = null;
    progress.value = result.value;
    reviews.value = due.value;
  }

  /** All user data as one document (the backend's `data:export`); throws with the backend's message. */
  async function exportData(): Promise<DataDocument> {
    const result = await api.data.export({});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** Merges a data document into this installation, then reloads the figures. */
  async function importData(document: Record<string, unknown>): Promise<ImportReport> {
    const result = await api.data.import({ document, mode: 'merge' });
    if (!result.ok) throw new Error(result.error.message);
    await load();
    return result.value;
  }

  return { progress, reviews, error, load, exportData, importData };
});
