/**
 * Dilated MaxPool2d questions of difficulty 3 against PyTorch: the question states the dilation, and
 * its answer is the shape torch.nn.MaxPool2d gives (fixture from maxpool-dilation.py, see there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionFromId } from '../../../src/core/quiz';

interface Case {
  id: string;
  input: number[];
  kernel: number[];
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
  torch: number[] | string;
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/quiz/maxpool-dilation.json'), 'utf8'),
) as { cases: Case[] };

describe('dilated MaxPool2d questions agree with PyTorch', () => {
  it('states the dilation, is a pool PyTorch accepts, and expects PyTorch’s shape', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(50);
    for (const c of fixture.cases) {
      const q = questionFromId(c.id);
      expect(q.spec, c.id).toMatchObject({ op: 'maxpool', dilation: c.dilation, padding: c.padding });
      expect(q.text, c.id).toContain(`dilation ${c.dilation}`);
      expect(typeof c.torch, `${c.id}: ${String(c.torch)}`).not.toBe('string');
      const torch = c.torch as number[];
      expect(q.expected, `${c.id}\n${q.text}`).toEqual(q.answerKind === 'shape' ? torch : torch[1]);
    }
  });
});
