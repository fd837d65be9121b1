import { describe, expect, it } from 'vitest';
import { formatDateTime, resolveLocale, resolveTheme } from '../../../src/renderer/src/preferences';

describe('resolveTheme', () => {
  it('follows the OS while set to system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('lets an explicit choice win over the OS', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('resolveLocale', () => {
  it('maps any Chinese OS language to Simplified Chinese', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-CN', 'zh_TW', 'ZH-cn'])
      expect(resolveLocale('system', [tag])).toBe('zh-CN');
  });

  it('takes the first OS language the app has, falling back to English', () => {
    expect(resolveLocale('system', ['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(resolveLocale('system', ['de', 'en-GB', 'zh'])).toBe('en');
    expect(resolveLocale('system', ['ja-JP'])).toBe('en');
    expect(resolveLocale('system', [])).toBe('en');
  });

  it('lets an explicit choice win over the OS', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});

describe('formatDateTime', () => {
  it('formats in the UI language', () => {
    const ms = Date.UTC(2024, 2, 5, 12, 0);
    // Independent of the machine's time zone: compare with Intl's own output for the same options.
    const options = { dateStyle: 'medium', timeStyle: 'short' } as const;
    expect(formatDateTime(ms, 'en')).toBe(new Intl.DateTimeFormat('en', options).format(ms));
    expect(formatDateTime(ms, 'zh-CN')).toBe(new Intl.DateTimeFormat('zh-CN', options).format(ms));
    expect(formatDateTime(ms, 'zh-CN')).toContain('2024年');
  });
});
