import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { StartupNotice } from '../../../shared/types';

/**
 * What the backend has to tell the user about their data at start-up (a damaged database set aside,
 * a temporary database in use). Shown until the user dismisses it.
 */
export const useAppStatusStore = defineStore('app-status', () => {
  const notices = ref<StartupNotice[]>([]);

  async function load(): Promise<void> {
    const result = await api.app.status({});
    // Without a status there is nothing to warn about; a broken backend shows up in the pages' own errors.
    if (result.ok) notices.value = result.value.notices;
  }

  function dismiss(index: number): void {
    notices.value = notices.value.filter((_, i) => i !== index);
  }

  return { notices, load, dismiss };
});
