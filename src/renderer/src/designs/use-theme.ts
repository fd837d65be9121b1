import { computed, type ComputedRef } from 'vue';
import { resolveTheme, type AppTheme } from '../preferences';
import { useSettingsStore } from '../stores/settings';
import { useSystemPreferences } from '../system';

/** The theme the app shows (the same resolution App.vue applies), for charts to follow. */
export function useAppTheme(): ComputedRef<AppTheme> {
  const settings = useSettingsStore();
  const system = useSystemPreferences();
  return computed(() => resolveTheme(settings.theme, system.prefersDark.value));
}
