import { describe, expect, it } from 'vitest';
import en from '../../../../src/renderer/src/locales/en';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';

/** Flattens a message tree to "a.b.c" → text. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const locales = { en: flatten(en), 'zh-CN': flatten(zhCN) };

describe('locales', () => {
  it('have exactly the same keys', () => {
    const enKeys = [...locales.en.keys()];
    const zhKeys = [...locales['zh-CN'].keys()];
    expect(
      zhKeys.filter((k) => !locales.en.has(k)),
      'keys only in zh-CN',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !locales['zh-CN'].has(k)),
      'keys only in en',
    ).toEqual([]);
  });

  it('have non-empty strings only', () => {
    for (const [name, messages] of Object.entries(locales)) {
      for (const [key, text] of messages) {
        expect(typeof text, `${name}: ${key}`).toBe('string');
        expect((text as string).trim(), `${name}: ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of locales.en) {
      expect(placeholders(locales['zh-CN'].get(key) as string), key).toEqual(placeholders(text as string));
    }
  });

  it('keep vue-i18n syntax characters out of the texts', () => {
    // "@" starts a linked message and "|" separates plural forms: either would silently mangle a text.
    for (const [name, messages] of Object.entries(locales)) {
      for (const [key, text] of messages) expect(text as string, `${name}: ${key}`).not.toMatch(/[@|$]/);
    }
  });

  it('translate the navigation (no English left in the Chinese menu)', () => {
    for (const [key, text] of locales['zh-CN']) {
      if (key.startsWith('nav.')) expect(text as string, key).not.toBe(locales.en.get(key));
    }
  });
});
