/** Fair, clear questions: the text says what the answer depends on, and reads cleanly. */
import { describe, expect, it } from 'vitest';
import { getZooModel } from '../../../src/core';
import { type Difficulty, generate, generateForDesign, SKILLS } from '../../../src/core/quiz';

const all = function* () {
  for (const skill of SKILLS)
    for (const d of [1, 2, 3] as Difficulty[])
      for (let seed = 0; seed < 300; seed++) yield generate(skill, d, seed);
};

describe('question text', () => {
  it('has no "A AvgPool2d", no space before a full stop, no line starting with a full stop', () => {
    for (const q of all()) {
      expect(q.text, q.id).not.toMatch(/\bA A/);
      expect(q.text, q.id).not.toMatch(/ \./);
      expect(q.text, q.id).not.toMatch(/\n\./);
    }
  });

  it('states the dilation of every dilated pooling layer', () => {
    let dilated = 0;
    for (const q of all()) {
      const s = q.spec as { op?: string; dilation?: number };
      if (q.skill !== 'output-size' || s.op === 'conv' || (s.dilation ?? 1) === 1) continue;
      expect(q.text, q.id).toContain(`dilation ${s.dilation}`);
      dilated++;
    }
    expect(dilated).toBeGreaterThan(20);
  });

  it('says the RF asked is the hull wherever it has holes', () => {
    let holes = 0;
    for (const q of all()) {
      if (q.skill !== 'receptive-field' || q.prompt.key === 'quiz.rf.dilation') continue;
      const params = q.prompt.params as { holesText?: string };
      if (!params.holesText) continue;
      expect(q.text, q.id).toMatch(/from the first to the last input pixel/);
      holes++;
    }
    expect(holes).toBeGreaterThan(10);
  });

  it('never asks the RF of a layer at or after global or adaptive pooling', () => {
    const model = getZooModel('resnet18')!;
    const gap = model.layers.find((l) => l.op === 'global_avgpool' || l.op.startsWith('adaptive_'));
    expect(gap).toBeDefined();
    let rf = 0;
    for (let seed = 0; seed < 300; seed++) {
      const q = generateForDesign(model, 'ResNet-18', seed, 3);
      if (q.prompt.key !== 'quiz.design.rf') continue;
      rf++;
      const layer = String(q.prompt.params.layer);
      const index = model.layers.findIndex((l) => l.id === layer);
      expect(index, layer).toBeLessThan(model.layers.indexOf(gap!));
    }
    expect(rf).toBeGreaterThan(5);
  });
});
