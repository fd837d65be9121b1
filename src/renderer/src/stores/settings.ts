import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import type { Settings } from '../../../shared/types';

/**
 * The user's theme, language and counting-convention choices, persisted through `settings:get/set`. A change shows at once
 * and is rolled back if the backend refuses it, so the screen never claims a setting that was not saved.
 */
export const useSettingsStore = defineStore('settings', () => {
  const theme = ref<Settings['theme']>('system');
  const locale = ref<Settings['locale']>('system');
  const convention = ref<Settings['convention']>('paper');
  const loaded = ref(false);
  /** The backend's messages for a failed load and for the last failed save; null when they succeeded. */
  const loadError = ref<string | null>(null);
  const saveError = ref<string | null>(null);

  function apply(value: Settings) {
    theme.value = value.theme;
    locale.value = value.locale;
    convention.value = value.convention ?? 'paper';
  }

  async function load(): Promise<boolean> {
    const result = await api.settings.get({});
    loaded.value = true;
    if (!result.ok) {
      loadError.value = result.error.message;
      return false;
    }
    loadError.value = null;
    apply(result.value);
    return true;
  }

  async function update(patch: Partial<Settings>): Promise<boolean> {
    const before: Settings = { theme: theme.value, locale: locale.value, convention: convention.value };
    apply({ ...before, ...patch });
    const result = await api.settings.set(patch);
    if (!result.ok) {
      apply(before);
      saveError.value = result.error.message;
      return false;
    }
    saveError.value = null;
    apply(result.value);
    return true;
  }

  return { theme, locale, convention, loaded, loadError, saveError, load, update };
});
