import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { DataDocument, ImportProgress, ImportReport, Progress, ReviewItem } from '../../../shared/types';

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

  /** How far the running import is (the backend's `data:progress`), polled while one runs. */
  const importProgress = ref<ImportProgress | null>(null);

  /**
   * Merges a data document into this installation (`dryRun`: only says what it would do; `partial`: the
   * usable rows, listing the others), then reloads the figures. Throws with the backend's message.
   */
  async function importData(
    document: Record<string, unknown>,
    options: { dryRun?: boolean; partial?: boolean } = {},
  ): Promise<ImportReport> {
    let running = true;
    const poll = async () => {
      while (running) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const p = running ? await api.data.progress({}) : null;
        if (running && p?.ok) importProgress.value = p.value;
      }
    };
    void poll();
    try {
      const result = await api.data.import({ document, mode: 'merge', ...options });
      if (!result.ok) throw new Error(result.error.message);
      if (!options.dryRun) await load();
      return result.value;
    } finally {
      running = false;
      importProgress.value = null;
    }
  }

  return { progress, reviews, error, load, exportData, importData, importProgress };
});
