import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { Progress } from '../../../shared/types';

/** The learner's progress as the backend reports it; read-only from the renderer for now. */
export const useProgressStore = defineStore('progress', () => {
  const progress = ref<Progress | null>(null);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    const result = await api.progress.get({ timezoneOffset: new Date().getTimezoneOffset() });
    if (!result.ok) {
      error.value = result.error.message;
      return;
    }
    error.value = null;
    progress.value = result.value;
  }

  return { progress, error, load };
});
