import { describe, expect, it } from 'vitest';
import { receptiveFieldOfStack } from '../../../../src/core';
import { CONCEPT_ITEMS } from '../../../../src/core/quiz';
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
