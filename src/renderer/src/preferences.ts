import type { LocaleSetting, ThemeSetting } from '../../shared/types';

export type AppTheme = 'light' | 'dark';
export type AppLocale = 'en' | 'zh-CN';

export const APP_LOCALES: readonly AppLocale[] = ['en', 'zh-CN'];

/** 'system' defers to the OS colour scheme; an explicit choice wins over it. */
export function resolveTheme(setting: ThemeSetting, systemPrefersDark: boolean): AppTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

/**
 * 'system' takes the first OS language the app has messages for: any Chinese tag (zh, zh-CN, zh-Hans,
 * zh-TW…) maps to Simplified Chinese, the only Chinese translation there is; everything else to English.
 */
export function resolveLocale(setting: LocaleSetting, systemLanguages: readonly string[]): AppLocale {
  if (setting !== 'system') return setting;
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** "Updated" column text, in the UI language's conventions. */
export function formatDateTime(epochMs: number, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(epochMs),
  );
}
