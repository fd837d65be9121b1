import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The placeholders of a text, over all its plural forms. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

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
    // English plural forms are the one use of "|": " | " between the singular and the plural.
    for (const [name, messages] of Object.entries(locales)) {
      for (const [key, text] of messages) {
        const forms = name === 'en' ? (text as string).split(' | ') : [text as string];
        expect(forms.length, `${name}: ${key}`).toBeLessThanOrEqual(2);
        for (const form of forms) expect(form, `${name}: ${key}`).not.toMatch(/[@|$]/);
      }
    }
  });

  it('translate the navigation (no English left in the Chinese menu)', () => {
    for (const [key, text] of locales['zh-CN']) {
      if (key.startsWith('nav.')) expect(text as string, key).not.toBe(locales.en.get(key));
    }
  });
});

/**
 * Key usage in the renderer's source. A key counts as used when
 *  - it appears as a quoted string anywhere in `src/renderer/src` outside the locale files
 *    (`t('a.b')`, `$t("a.b")`, `keypath="a.b"`, or a key kept in a table and passed to `t` later), or
 *  - it starts with the static part of a key built at run time, such as `` t(`nav.${name}`) ``
 *    (prefix `nav.`) or `t('nav.' + name)`, or
 *  - its parent group is quoted, as a prefix handed to a helper that appends the option name
 *    (`opts(TASKS, 'gradients.tasks')` uses `gradients.tasks.<task>`), or
 *  - it starts with one of DYNAMIC_PREFIXES: keys composed from data the scan cannot see.
 * A literal `t('…')` / `$t('…')` / `keypath="…"` naming no key is a missing key.
 */
const DYNAMIC_PREFIXES: readonly string[] = [
  // Question prompts: the key comes from the analysis core (`Question.prompt.key`).
  'quiz.',
  // Operator and field names: the key comes from the operator registry (`labelKey` of an op or field).
  'ops.',
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== LOCALES_DIR) out.push(...sourceFiles(path));
    } else if (/\.(ts|vue)$/.test(entry.name)) out.push(path);
  }
  return out;
}

const RENDERER_DIR = fileURLToPath(new URL('../../../../src/renderer/src', import.meta.url));
const LOCALES_DIR = join(RENDERER_DIR, 'locales');
const sources = sourceFiles(RENDERER_DIR).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const quoted = new Set(
  sources.flatMap((s) => [...s.text.matchAll(/['"]([\w-]+(?:\.[\w-]+)+)['"]/g)].map((m) => m[1]!)),
);
const templatePrefixes = new Set(
  sources.flatMap((s) => [
    // `a.b.${x}` and `a.b.d${n}`: the static start of a key built in a template literal.
    ...[...s.text.matchAll(/`([\w-]+(?:\.[\w-]*)+)\$\{/g)].map((m) => m[1]!),
    // 'a.b.' + x
    ...[...s.text.matchAll(/['"]([\w-]+(?:\.[\w-]+)*\.)['"]\s*\+/g)].map((m) => m[1]!),
  ]),
);
const parentOf = (key: string) => key.slice(0, key.lastIndexOf('.'));
const isUsed = (key: string) =>
  quoted.has(key) ||
  (parentOf(key).includes('.') && quoted.has(parentOf(key))) ||
  [...templatePrefixes].some((p) => key.startsWith(p)) ||
  DYNAMIC_PREFIXES.some((p) => key.startsWith(p));

describe('locale keys in the source', () => {
  it('finds the usage patterns it documents', () => {
    expect(quoted.has('nav.home') || templatePrefixes.has('nav.')).toBe(true);
    expect(isUsed('no.such.key.anywhere')).toBe(false);
  });

  it('has no unused key', () => {
    const unused = [...locales.en.keys()].filter((k) => !isUsed(k));
    expect(unused, 'keys no source file uses (remove them, or document a dynamic prefix)').toEqual([]);
  });

  it('has no missing key', () => {
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/(?:\$t|\bt|\bte)\(\s*['"]([^'"]+)['"]|keypath="([^"]+)"/g)) {
        const key = m[1] ?? m[2]!;
        if (!locales.en.has(key) && ![...locales.en.keys()].some((k) => k.startsWith(`${key}.`)))
          missing.push(`${file.slice(RENDERER_DIR.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
