import { onScopeDispose, ref, type Ref } from 'vue';

export interface SystemPreferences {
  prefersDark: Ref<boolean>;
  languages: Ref<readonly string[]>;
}

export const currentLanguages = (): readonly string[] =>
  navigator.languages && navigator.languages.length > 0 ? [...navigator.languages] : [navigator.language];

export const darkSchemeQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The OS colour scheme and languages, kept live: changing either in the OS updates the app at once. */
export function useSystemPreferences(): SystemPreferences {
  const query = darkSchemeQuery();
  const prefersDark = ref(query.matches);
  const languages = ref<readonly string[]>(currentLanguages());
  const onScheme = (event: MediaQueryListEvent) => {
    prefersDark.value = event.matches;
  };
  const onLanguage = () => {
    languages.value = currentLanguages();
  };
  query.addEventListener('change', onScheme);
  window.addEventListener('languagechange', onLanguage);
  onScopeDispose(() => {
    query.removeEventListener('change', onScheme);
    window.removeEventListener('languagechange', onLanguage);
  });
  return { prefersDark, languages };
}
