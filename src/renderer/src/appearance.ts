/**
 * What the app's language and theme need beyond the entry chunk, loaded the first time they are shown:
 * the Chinese messages with naive-ui's Chinese strings and date locale, and naive-ui's dark theme.
 * English and the light theme are in the entry; a page shown in either never downloads the others.
 */
import { shallowReactive } from 'vue';
import type { GlobalTheme, NDateLocale, NLocale } from 'naive-ui';
import { i18n } from './i18n';
import type { AppLocale, AppTheme } from './preferences';

interface Loaded {
  /** naive-ui's strings and date locale for zh-CN, once loaded. */
  zh: { naive: NLocale; date: NDateLocale } | null;
  /** naive-ui's dark theme, once loaded. */
  dark: GlobalTheme | null;
}

export const loaded = shallowReactive<Loaded>({ zh: null, dark: null });

let zhLoading: Promise<void> | undefined;
let darkLoading: Promise<void> | undefined;

/** Loads what `locale` needs (nothing for English); resolves when it can be shown. */
export function loadLocale(locale: AppLocale): Promise<void> {
  if (locale !== 'zh-CN' || loaded.zh) return Promise.resolve();
  return (zhLoading ??= import('./locales/zh-CN-pack').then((pack) => {
    i18n.global.setLocaleMessage('zh-CN', pack.messages);
    loaded.zh = { naive: pack.naive, date: pack.date };
  }));
}

/** Loads what `theme` needs (nothing for light); resolves when it can be shown. */
export function loadTheme(theme: AppTheme): Promise<void> {
  if (theme !== 'dark' || loaded.dark) return Promise.resolve();
  return (darkLoading ??= import('./dark-theme').then((m) => {
    loaded.dark = m.darkTheme;
  }));
}
