import { createI18n } from 'vue-i18n';
import en from './locales/en';
import type { Messages } from './locales/en';

/**
 * English is in the entry chunk (it is also every message's fallback); Chinese is a chunk of its own,
 * loaded by {@link loadLocale} the first time the app is shown in Chinese (./appearance.ts).
 */
export const i18n = createI18n<[Messages], 'en' | 'zh-CN', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en } as { en: Messages; 'zh-CN': Messages },
});
