import { describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../../../src/renderer/src/lessons/catalog';
import { CONTENT } from '../../../../src/renderer/src/lessons/content';
import type { LessonText } from '../../../../src/renderer/src/lessons/types';

/**
 * Chinese lessons read as Chinese: outside formulas, code and bindings, the only Latin words are names
 * (of people, networks, functions and units) and the English term a definition adds in full-width
 * parentheses. Formulas' \text{…} are Chinese too, apart from the unit names MACs and FLOPs.
 */

/** Names a Chinese text keeps in Latin letters. */
const NAMES = new Set([
  // people
  'Bengio',
  'Glorot',
  'He',
  'Hinton',
  'Jozefowicz',
  'Kaiming',
  'Luo',
  'Osindero',
  'Teh',
  'Xavier',
  // networks and frameworks
  'AlexNet',
  'ConvScope',
  'FPN',
  'LSTM',
  'GRU',
  'Transformer',
  'ViT-B',
  'MobileNet',
  'v2',
  'ResNet',
  'ResNet-50',
  'RNN',
  'SSD',
  'ShuffleNet',
  'VGG-16',
  'PyTorch',
  'TensorFlow',
  'RBM',
  'RGB',
  // functions and layers
  'BatchNorm',
  'ELU',
  'LeakyReLU',
  'ReLU',
  'sigmoid',
  'tanh',
  'SGD',
  'NaN',
  'L1',
  'L2',
  // units and counts
  'MAC',
  'MACs',
  'FLOPs',
  'FLOPS',
  'GFLOPs',
  'fp32',
  'fp16',
  // argument values
  'same',
  'valid',
]);
const TEX_WORDS = new Set(['MACs', 'FLOPs', 'L1', 'L2', 'Xavier', 'He']);

function strings(lesson: LessonText): { where: string; text: string; tex: boolean }[] {
  const out = [
    { where: 'title', text: lesson.title, tex: false },
    { where: 'summary', text: lesson.summary, tex: false },
  ];
  for (const s of lesson.sections) {
    out.push({ where: `${s.id}.title`, text: s.title, tex: false });
    s.blocks.forEach((b, i) => {
      const where = `${s.id}[${i}]`;
      if (typeof b === 'string') out.push({ where, text: b, tex: false });
      else if ('tex' in b) out.push({ where, text: b.tex, tex: true });
      else if ('note' in b) out.push({ where, text: b.note, tex: false });
      else if ('list' in b)
        b.list.forEach((t, k) => out.push({ where: `${where}.${k}`, text: t, tex: false }));
    });
  }
  return out;
}

/** Latin words of a Chinese text that are not names: formulas, code, bindings and （English terms） left out. */
function strayEnglish(text: string, tex: boolean): string[] {
  const inFormulas = tex ? [text] : [...text.matchAll(/\$([^$]*)\$/g)].map((m) => m[1]!);
  const textParts = inFormulas.flatMap((f) => [...f.matchAll(/\\text\{([^}]*)\}/g)].map((m) => m[1]!));
  const fromTex = textParts.flatMap((t) => [...t.matchAll(/[A-Za-z][A-Za-z0-9-]*/g)].map((m) => m[0]));
  const prose = tex
    ? ''
    : text
        .replace(/\$[^$]*\$/g, ' ')
        .replace(/`[^`]*`/g, ' ')
        .replace(/\{\{[^}]*\}\}/g, ' ')
        .replace(/（[^）]*）/g, ' ');
  const fromProse = [...prose.matchAll(/[A-Za-z][A-Za-z0-9-]*/g)].map((m) => m[0]);
  return [...fromTex.filter((w) => !TEX_WORDS.has(w)), ...fromProse.filter((w) => !NAMES.has(w))];
}

describe('lesson language', () => {
  it('leaves no English in the Chinese lessons except names', () => {
    const stray: string[] = [];
    for (const id of LESSON_IDS) {
      for (const { where, text, tex } of strings(CONTENT['zh-CN'][id])) {
        const words = strayEnglish(text, tex);
        if (words.length) stray.push(`${id} ${where}: ${words.join(', ')}`);
      }
    }
    expect(stray).toEqual([]);
  });

  it('catches the fragments it is meant to catch', () => {
    expect(strayEnglish('最后一层的跳距（jump 为 {{s.j3}}）', false)).toEqual([]);
    expect(strayEnglish('最后一层 jump 为 {{s.j3}}', false)).toEqual(['jump']);
    expect(strayEnglish('\\text{params} = \\sum_l K_l^2', true)).toEqual(['params']);
    expect(strayEnglish('$\\text{参数量} = 1$，f = sigmoid and |w| = 1', false)).toEqual(['f', 'and', 'w']);
  });

  it('writes the English lessons without Chinese characters', () => {
    for (const id of LESSON_IDS) {
      for (const { where, text } of strings(CONTENT.en[id]))
        expect(text, `${id} ${where}`).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
