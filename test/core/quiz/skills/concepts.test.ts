import { describe, expect, it } from 'vitest';
import { receptiveFieldOfStack } from '../../../../src/core';
import { CONCEPT_ITEMS, generate } from '../../../../src/core/quiz';
import { LESSON_IDS } from '../../../../src/renderer/src/lessons/catalog';
import { CONCEPTS_ZH } from '../../../../src/renderer/src/locales/zh-CN/concepts';
import type { ConceptSpec } from '../../../../src/core/quiz/skills/concepts';
import { expectCount, sweep } from '../sweep';

describe('concepts questions', () => {
  it('1000 seeds × 3 difficulties: the expected key is the right option; every option is explained', () => {
    const seen = new Set<string>();
    const n = sweep('concepts', (q) => {
      const s = q.spec as ConceptSpec;
      const choices = q.choices!;
      expect(choices.length).toBe(q.difficulty === 1 && s.variant === 'item' ? 3 : 4);
      expect(new Set(choices.map((c) => c.text)).size).toBe(choices.length);
      for (const c of choices) expect(c.explanation.length).toBeGreaterThan(10);
      const chosen = choices.find((c) => c.key === q.expected)!;
      if (s.variant === 'item') {
        seen.add(s.item);
        expect(chosen.text).toBe(CONCEPT_ITEMS.find((i) => i.id === s.item)!.correct.text);
      } else {
        const rows = receptiveFieldOfStack(s.kernels.map((k, i) => ({ kernel: k, stride: s.strides[i] })));
        const rf = rows[rows.length - 1].size[0];
        expect(Number.parseInt(chosen.text, 10)).toBe(Math.max(...s.objects.filter((o) => o <= rf)));
      }
    });
    expectCount(n);
    expect(seen.size).toBe(CONCEPT_ITEMS.length);
  });
});

describe('the multiple-choice bank', () => {
  const languages = [
    ['en', (id: string) => CONCEPT_ITEMS.find((i) => i.id === id)!],
    ['zh-CN', (id: string) => CONCEPTS_ZH[id]!],
  ] as const;

  it('at least 60 items, at least 3 per lesson, unique ids, each item in both languages', () => {
    expect(CONCEPT_ITEMS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CONCEPT_ITEMS.map((i) => i.id)).size).toBe(CONCEPT_ITEMS.length);
    expect(new Set(CONCEPT_ITEMS.map((i) => i.question)).size).toBe(CONCEPT_ITEMS.length);
    expect(Object.keys(CONCEPTS_ZH).sort()).toEqual(CONCEPT_ITEMS.map((i) => i.id).sort());
    for (const lesson of LESSON_IDS)
      expect(CONCEPT_ITEMS.filter((i) => i.lesson === lesson).length, lesson).toBeGreaterThanOrEqual(3);
    for (const item of CONCEPT_ITEMS) {
      expect((LESSON_IDS as readonly string[]).includes(item.lesson), item.id).toBe(true);
      expect(CONCEPTS_ZH[item.id]?.wrong.length, item.id).toBe(item.wrong.length);
      // One right option and three distractors, all different, in both languages.
      expect(item.wrong, item.id).toHaveLength(3);
      for (const t of [item, CONCEPTS_ZH[item.id]!]) {
        const texts = [t.correct.text, ...t.wrong.map((w) => w.text)];
        expect(new Set(texts).size, item.id).toBe(4);
        for (const o of [t.correct, ...t.wrong]) expect(o.why.length, item.id).toBeGreaterThan(5);
      }
    }
  });

  it('the right option does not give itself away by its length (measured in both languages)', () => {
    for (const [lang, text] of languages) {
      let longest = 0;
      let shortest = 0;
      for (const item of CONCEPT_ITEMS) {
        const t = text(item.id);
        const right = [...t.correct.text].length;
        const wrong = t.wrong.map((w) => [...w.text].length);
        if (right > Math.max(...wrong)) longest++;
        if (right < Math.min(...wrong)) shortest++;
        // Within a third of the wrong options' mean length.
        const mean = wrong.reduce((a, b) => a + b, 0) / wrong.length;
        expect(Math.abs(right - mean) / mean, `${lang} ${item.id}`).toBeLessThanOrEqual(1 / 3);
      }
      // By chance the right one of four is the longest a quarter of the time.
      expect(longest / CONCEPT_ITEMS.length, `${lang}: right option longest`).toBeLessThanOrEqual(0.35);
      expect(shortest / CONCEPT_ITEMS.length, `${lang}: right option shortest`).toBeLessThanOrEqual(0.35);
    }
  });

  it('shuffles: every key is the right one about equally often', () => {
    const counts: Record<string, number> = {};
    let n = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const q = generate('concepts', 2, seed);
      if (q.prompt.key === 'quiz.concepts.rf-fit') continue;
      counts[q.expected as string] = (counts[q.expected as string] ?? 0) + 1;
      n++;
    }
    for (const key of ['A', 'B', 'C', 'D']) expect(counts[key]! / n, key).toBeGreaterThan(0.2);
    for (const key of ['A', 'B', 'C', 'D']) expect(counts[key]! / n, key).toBeLessThan(0.3);
  });
});
