import { z } from 'zod';
import { COUNTING_CONVENTIONS } from '../../shared/conventions';
import { ok } from '../../shared/result';
import type { Settings } from '../../shared/types';
import type { SettingsRepo } from '../db/settings';
import type { Handlers } from './types';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', locale: 'system', convention: 'paper' };

const stored = {
  theme: z.enum(['system', 'light', 'dark']),
  locale: z.enum(['system', 'en', 'zh-CN']),
  convention: z.enum(COUNTING_CONVENTIONS),
};

/** Reads settings, falling back to the default for any value that is missing or no longer valid. */
export function readSettings(repo: SettingsRepo): Settings {
  const all = repo.all();
  const theme = stored.theme.safeParse(all.theme);
  const locale = stored.locale.safeParse(all.locale);
  const convention = stored.convention.safeParse(all.convention);
  return {
    theme: theme.success ? theme.data : DEFAULT_SETTINGS.theme,
    locale: locale.success ? locale.data : DEFAULT_SETTINGS.locale,
    convention: convention.success ? convention.data : DEFAULT_SETTINGS.convention,
  };
}

export const settingsHandlers: Pick<Handlers, 'settings:get' | 'settings:set'> = {
  'settings:get': (_request, { store }) => ok(readSettings(store.settings)),
  'settings:set': (request, { store }) => {
    store.settings.setMany(request);
    return ok(readSettings(store.settings));
  },
};
