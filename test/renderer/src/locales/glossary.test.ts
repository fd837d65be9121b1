import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

/**
 * One term per concept: docs/glossary.md lists the term ConvScope uses for each concept and the
 * synonyms it avoids; every locale file and every lesson text is checked against it.
 */

interface Term {
  en: string;
  zh: string;
  avoidZh: RegExp[];
  avoidEn: RegExp[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cell of the "avoid" columns: `; `-separated literals or `/regex/`. */
function patterns(cell: string, flags: string): RegExp[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) =>
      s.startsWith('/') && s.endsWith('/') ? new RegExp(s.slice(1, -1), flags) : new RegExp(escape(s), flags),
    );
}

function readGlossary(markdown: string): Term[] {
  const rows = markdown
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*(English|---)/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  return rows.map(([en, zh, avoidZh, avoidEn]) => ({
    en: en!,
    zh: zh!,
    avoidZh: patterns(avoidZh ?? '', 'g'),
    avoidEn: patterns(avoidEn ?? '', 'gi'),
  }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every locale file and every lesson text, with its language. */
const SCANNED = ['src/renderer/src/locales', 'src/renderer/src/lessons/content'].flatMap((dir) =>
  filesUnder(join(repoRoot, dir)).map((path) => ({
    file: relative(repoRoot, path),
    zh: /zh-CN/.test(relative(repoRoot, path)),
    lines: readFileSync(path, 'utf8').split('\n'),
  })),
);

interface Hit {
  file: string;
  line: number;
  found: string;
  use: string;
}

/** Every avoided word in the scanned files, with the term to use instead. */
function hits(terms: Term[]): Hit[] {
  const out: Hit[] = [];
  for (const { file, zh, lines } of SCANNED) {
    lines.forEach((text, i) => {
      for (const term of terms) {
        for (const re of zh ? term.avoidZh : term.avoidEn) {
          for (const m of text.matchAll(re))
            out.push({ file, line: i + 1, found: m[0], use: zh ? term.zh : term.en });
        }
      }
    });
  }
  return out;
}

/** Hits counted per "file: word" (line numbers move as files are edited; the count does not). */
function counts(list: Hit[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of list) out.set(`${h.file}: ${h.found}`, (out.get(`${h.file}: ${h.found}`) ?? 0) + 1);
  return out;
}

/**
 * Avoided words still in files that other parts of ConvScope own, to be replaced by the glossary's term,
 * with how many there are. The list only shrinks: a file may not gain a hit, and an entry whose words
 * are all gone must be removed.
 */
const KNOWN_ELSEWHERE: Record<string, number> = {};

describe('glossary', () => {
  const glossary = readGlossary(readFileSync(join(repoRoot, 'docs', 'glossary.md'), 'utf8'));

  it('is a table of terms with their Chinese and the synonyms to avoid', () => {
    expect(glossary.length).toBeGreaterThan(30);
    for (const t of glossary) {
      expect(t.en, JSON.stringify(t)).not.toBe('');
      expect(t.zh, t.en).toMatch(/[\u4e00-\u9fff]/);
      // A term never avoids itself.
      for (const re of t.avoidZh) expect(t.zh.replace(re, ''), t.en).toBe(t.zh);
    }
    const stride = glossary.find((t) => t.en === 'stride')!;
    expect(stride.zh).toBe('步长');
    expect('步幅'.match(stride.avoidZh[0]!)).not.toBeNull();
    // A regular expression entry: "深度卷积" is avoided, "深度卷积神经网络" is not.
    const dw = glossary.find((t) => t.en === 'depthwise convolution')!;
    expect('先做深度卷积'.match(dw.avoidZh[0]!)).not.toBeNull();
    expect('深度卷积神经网络'.match(dw.avoidZh[0]!)).toBeNull();
  });

  it('scans every locale file and every lesson text, in both languages', () => {
    const files = SCANNED.map((s) => s.file);
    expect(files).toContain('src/renderer/src/locales/zh-CN/practice.ts');
    expect(files).toContain('src/renderer/src/locales/zh-CN.ts');
    expect(files).toContain('src/renderer/src/lessons/content/zh-CN/receptive-field.ts');
    expect(files).toContain('src/renderer/src/lessons/content/en/space-complexity.ts');
    expect(SCANNED.filter((s) => s.zh).length).toBeGreaterThan(10);
    expect(SCANNED.filter((s) => !s.zh).length).toBeGreaterThan(10);
  });

  it('is followed everywhere: each concept has one name in each language', () => {
    const found = hits(glossary);
    const known = counts(found);
    const over = [...known].filter(([key, n]) => n > (KNOWN_ELSEWHERE[key] ?? 0)).map(([key]) => key);
    expect(
      found
        .filter((h) => over.includes(`${h.file}: ${h.found}`))
        .map((h) => `${h.file}:${h.line}: ${h.found} (use ${h.use})`),
    ).toEqual([]);
  });

  it('lists only the avoided words that remain in other files (fixed ones are removed from the list)', () => {
    const known = counts(hits(glossary));
    expect(Object.keys(KNOWN_ELSEWHERE).filter((key) => !known.has(key))).toEqual([]);
  });
});
