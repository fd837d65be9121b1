import { createI18n } from 'vue-i18n';
import shell from './locales/en/shell';
import type { Messages } from './locales/en';

/**
 * The entry chunk holds only the English of the app's frame (brand, navigation, common controls): the
 * frame paints with it while {@link loadMessages} fetches the rest of English (every page's messages,
 * also every message's fallback), which the router waits for before it shows the first page. Chinese is
 * a chunk of its own, loaded the first time the app is shown in Chinese (./appearance.ts).
 */
export const i18n = createI18n<[Messages], 'en' | 'zh-CN', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en: shell } as { en: Messages; 'zh-CN': Messages },
});

let enLoading: Promise<void> | undefined;

/** Loads every English message (once); resolves when pages can be shown. */
export function loadMessages(): Promise<void> {
  return (enLoading ??= import('./locales/en').then((m) => {
    i18n.global.setLocaleMessage('en', m.default);
  }));
}
