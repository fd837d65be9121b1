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

/** A line of a zh-CN file that is an English lookup key (`'English text':`), not Chinese text. */
const isKey = (text: string) => /^\s*(['"]).*\1:\s*$/.test(text);

/** Every match of `re` in the Chinese lines (keys aside) of the files whose path matches `where`. */
function zhHits(re: RegExp, where: RegExp = /./, line: RegExp = /./): string[] {
  return SCANNED.filter((s) => s.zh && where.test(s.file)).flatMap(({ file, lines }) =>
    lines.flatMap((text, i) =>
      isKey(text) || !line.test(text) ? [] : [...text.matchAll(re)].map((m) => `${file}:${i + 1}: ${m[0]}`),
    ),
  );
}

describe('Chinese wording', () => {
  it("never shows the names of ConvScope's internal parts", () => {
    expect(zhHits(/分析核心|练习引擎|梯度引擎|调度器|同一个引擎/g)).toEqual([]);
  });

  it('names He initialisation as He（Kaiming）', () => {
    expect(zhHits(/(?<!He（)Kaiming/g)).toEqual([]);
  });

  it('keeps 步长 for stride: the size of an update is 更新幅度, the distance between units is 跳距', () => {
    const gradientFiles = /gradients|remedies|initialisation/;
    expect(zhHits(/步长|步子/g, gradientFiles)).toEqual([]);
    // Elsewhere (lessons on receptive fields mention gradients and strides side by side): the phrasings.
    expect(zhHits(/(限制|裁剪|更新|学习率)[^，。；：]{0,4}步长|步长(过大|变小|小了)|步子/g)).toEqual([]);
  });

  it('calls a review item 题目 and what it practises 知识点 (技能 and 卡片 are flash-card words)', () => {
    expect(zhHits(/技能|卡片/g, /practice|progress|home|lessons/)).toEqual([]);
  });

  it('says what a Gradient Lab run is (运行 is a verb: a saved run is 训练记录)', () => {
    expect(zhHits(/(的|次|没有|保存|自定义)运行(?!中)/g, /gradients/)).toEqual([]);
  });

  it('avoids phrasings a reader takes the wrong way', () => {
    expect(zhHits(/相差两倍|MAC 与 FLOP(?!s)|\d\.0 (次|倍)/g)).toEqual([]);
  });

  it('uses Chinese punctuation: no spaced em dash, no ASCII quotes or parentheses around Chinese', () => {
    expect(zhHits(/ — /g)).toEqual([]);
    expect(zhHits(/"[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff .-]{0,30}"(?!:)/g)).toEqual([]);
    // Parentheses around Chinese words, or a count after a Chinese label ("第一步 (1)"); formulas keep theirs.
    expect(zhHits(/[\u4e00-\u9fff] ?\(\d+\)|\([^()$`\\÷=?:,]*[\u4e00-\u9fff][^()$`\\÷=?:,]*\)/g)).toEqual([]);
  });

  it('catches each of these in a sample line', () => {
    expect('由分析核心判分'.match(/分析核心|练习引擎|梯度引擎|调度器|同一个引擎/g)).not.toBeNull();
    expect('Kaiming 正态'.match(/(?<!He（)Kaiming/g)).not.toBeNull();
    expect('He（Kaiming）正态'.match(/(?<!He（)Kaiming/g)).toBeNull();
    expect('限制的是步长'.match(/(限制|裁剪|更新|学习率)[^，。；：]{0,4}步长/g)).not.toBeNull();
    expect('“same”填充'.match(/"[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff .-]{0,30}"(?!:)/g)).toBeNull();
    expect('写成 "FLOPs"，'.match(/"[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff .-]{0,30}"(?!:)/g)).not.toBeNull();
    const parens = /[\u4e00-\u9fff] ?\(\d+\)|\([^()$`\\÷=?:,]*[\u4e00-\u9fff][^()$`\\÷=?:,]*\)/g;
    expect('第一步 (1)'.match(parens)).not.toBeNull();
    expect('感受野加上 (K − 1) · 跳距'.match(parens)).toBeNull();
    expect(isKey("  'What is M?':")).toBe(true);
    expect(isKey("    name: '第一步 (1)',")).toBe(false);
  });
});
