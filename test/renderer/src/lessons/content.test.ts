import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listZoo } from '../../../../src/core/zoo';
import { lessonBindings } from '../../../../src/renderer/src/lessons/bindings';
import { LESSON_IDS, LESSONS } from '../../../../src/renderer/src/lessons/catalog';
import { CONTENT } from '../../../../src/renderer/src/lessons/content';
import { BINDING_PATTERN, bindTex, renderInline } from '../../../../src/renderer/src/lessons/rich-text';
import type { Block, LessonText } from '../../../../src/renderer/src/lessons/types';
import { WIDGET_KEYS } from '../../../../src/renderer/src/lessons/types';
import { referenceFile } from '../../../helpers/reference';
import { getPreset } from '../../../../src/renderer/src/gradients/presets';

/** Every string of a lesson, with where it is (for failure messages). */
function texts(lesson: LessonText): { where: string; text: string }[] {
  const out = [
    { where: 'title', text: lesson.title },
    { where: 'summary', text: lesson.summary },
  ];
  for (const s of lesson.sections) {
    out.push({ where: `${s.id}.title`, text: s.title });
    s.blocks.forEach((b: Block, i) => {
      const where = `${s.id}[${i}]`;
      if (typeof b === 'string') out.push({ where, text: b });
      else if ('tex' in b) out.push({ where, text: b.tex });
      else if ('note' in b) out.push({ where, text: b.note });
      else if ('list' in b) b.list.forEach((t, k) => out.push({ where: `${where}.${k}`, text: t }));
    });
  }
  return out;
}

const widgets = (lesson: LessonText) =>
  lesson.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (typeof b === 'object' && 'widget' in b ? [`${s.id}:${b.widget}`] : [])),
  );

/**
 * The digits a text writes out itself: bindings and model names (ResNet-50, VGG-16…) removed, and
 * digits glued to a letter (fp32, L2, v2) are part of a word, not a number.
 */
const ZOO_TITLES = listZoo()
  .map((z) => z.title)
  .concat(['ResNet-50', 'VGG-16', 'MobileNet v2']);
function typedNumbers(text: string): number[] {
  let t = text.replace(BINDING_PATTERN, ' ');
  for (const title of ZOO_TITLES) t = t.split(title).join(' ');
  return [...t.matchAll(/(?<![A-Za-z_\d.])\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

describe('lesson content', () => {
  it('links only to Gradient Lab presets that exist', () => {
    for (const lesson of Object.values(LESSONS)) {
      for (const preset of lesson.labPresets ?? [])
        expect(getPreset(preset), `${lesson.id} → ${preset}`).toBeDefined();
    }
  });

  it('has all ten lessons in both languages with the same sections and widgets', () => {
    expect(LESSON_IDS).toHaveLength(10);
    for (const id of LESSON_IDS) {
      const en = CONTENT.en[id];
      const zh = CONTENT['zh-CN'][id];
      expect(
        zh.sections.map((s) => s.id),
        id,
      ).toEqual(en.sections.map((s) => s.id));
      expect(widgets(zh), id).toEqual(widgets(en));
      for (const w of widgets(en)) expect(WIDGET_KEYS).toContain(w.split(':')[1]);
      expect(new Set(en.sections.map((s) => s.id)).size, `${id}: section ids unique`).toBe(
        en.sections.length,
      );
      for (const s of en.sections) expect(s.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    }
  });

  it('writes no number the core computes: only the structural numbers each lesson lists', () => {
    const strays: string[] = [];
    for (const id of LESSON_IDS) {
      const allowed = new Set(LESSONS[id].structuralNumbers);
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const { where, text } of texts(CONTENT[locale][id])) {
          const stray = typedNumbers(text).filter((n) => !allowed.has(n));
          if (stray.length) strays.push(`${locale} ${id} ${where}: ${stray.join(', ')}`);
        }
      }
    }
    expect(strays).toEqual([]);
  });

  it('the digit scan catches a typed-in result', () => {
    // Guards the guard: a result written into a text must show up as a typed number.
    expect(typedNumbers('three convolutions give an RF of 7')).toEqual([7]);
    expect(typedNumbers('an RF of {{t.r3}} in ResNet-50 with fp32')).toEqual([]);
    expect(typedNumbers('$M = \\frac{32 - 5}{1} + 1$')).toEqual([32, 5, 1, 1]);
  });

  it('resolves every binding of every text in both languages, and uses the same values in both', () => {
    for (const id of LESSON_IDS) {
      const values = lessonBindings(id);
      const used: Record<string, Set<string>> = {};
      for (const locale of ['en', 'zh-CN'] as const) {
        used[locale] = new Set();
        for (const { where, text } of texts(CONTENT[locale][id])) {
          for (const m of text.matchAll(BINDING_PATTERN)) {
            expect(values[m[1]], `${locale} ${id} ${where}: {{${m[1]}}}`).toBeDefined();
            used[locale].add(m[1]);
          }
          expect(() => renderInline(text, values, locale), `${locale} ${id} ${where}`).not.toThrow();
          expect(() => bindTex(text, values)).not.toThrow();
        }
      }
      expect([...used['zh-CN']].sort(), `${id}: both languages show the same values`).toEqual(
        [...used.en].sort(),
      );
    }
  });

  it('renders formulas with KaTeX and values per locale', () => {
    const html = renderInline('Big: {{n}}, $M = {{m}}$', { n: 1234567, m: 28 }, 'en');
    expect(html).toContain('1,234,567');
    expect(html).toContain('katex');
    expect(renderInline('**a** <b> `c`', {}, 'en')).toBe('<strong>a</strong> &lt;b&gt; <code>c</code>');
    // A fraction is never rounded into a different whole number (223 / 2 is 111.5, not 112).
    expect(renderInline('{{q}}', { q: 111.5 }, 'en')).toContain('111.5');
    expect(renderInline('{{q}}', { q: 111.5 }, 'zh-CN')).toContain('111.5');
  });
});

/** The values the lessons show, checked against PyTorch measurements and hand-worked arithmetic. */
describe('lesson values', () => {
  const reference = (file: string) => JSON.parse(readFileSync(referenceFile(file), 'utf8')) as unknown;

  it('match the PyTorch reference for ResNet-50, VGG-16, AlexNet and MobileNet v2', () => {
    const models = (
      reference('torchvision-models.json') as {
        models: Record<string, { macs: number; total_params: number }>;
      }
    ).models;
    const net = lessonBindings('network-complexity');
    expect(net['r50.macs']).toBe(models.resnet50.macs);
    expect(net['vgg16.macs']).toBe(models.vgg16.macs);
    expect(net['mnv2.macs']).toBe(models.mobilenet_v2.macs);
    expect(lessonBindings('layer-complexity')['r50.flops']).toBe(2 * models.resnet50.macs);
    expect(lessonBindings('space-complexity')['vgg16.params']).toBe(models.vgg16.total_params);
    const rf = (
      reference('receptive-fields.json') as {
        networks: Record<string, { formula: { rf_interval_union: number[]; jump: number[] } }>;
      }
    ).networks;
    const b = lessonBindings('receptive-field');
    expect(b['vgg16.rf']).toBe(rf['vgg16.features'].formula.rf_interval_union[0]);
    expect(b['vgg16.jump']).toBe(rf['vgg16.features'].formula.jump[0]);
    expect(b['alexnet.rf']).toBe(rf['alexnet.features'].formula.rf_interval_union[0]);
    expect(lessonBindings('dilated-convolution')['dil.r4']).toBe(
      rf.syn_c_dilated_1_2_4_8.formula.rf_interval_union[0],
    );
    expect(b['t.r3']).toBe(rf.syn_a_3x_conv3.formula.rf_interval_union[0]);
  });

  it('match hand-worked examples', () => {
    const o = lessonBindings('output-size');
    // (32 − 5 + 0)/1 + 1 = 28
    expect(o['a.M']).toBe(28);
    // (224 − 7 + 6)/2 = 111.5 → floor 111, + 1 = 112
    expect(o['b.M']).toBe(112);
    // "same", X = 15, S = 2: M = ⌈15/2⌉ = 8; total padding 7·2 + 4 − 15 = 3 → 1 before, 2 after
    expect([o['s.M'], o['s.Pb'], o['s.Pa']]).toEqual([8, 1, 2]);
    // 56² · 3² · 64 · 64 = 3136 · 9 · 4096 = 115,605,504
    expect(lessonBindings('layer-complexity')['c.macs']).toBe(115_605_504);
    // RF of three 3-taps with the first at stride 2: 3, 3 + 2·2 = 7, 7 + 2·2 = 11
    const r = lessonBindings('receptive-field');
    expect([r['s.r1'], r['s.r2'], r['s.r3']]).toEqual([3, 7, 11]);
    // Three dilation-2 3-taps: 1 + 4 + 4 + 4 = 13, with holes
    const d = lessonBindings('dilated-convolution');
    expect([d['grid.r3'], d['grid.holes']]).toEqual([13, 1]);
    // σ′(0) = ¼, ¼²⁰ = 2⁻⁴⁰
    const v = lessonBindings('vanishing-gradients');
    expect(v['sig.max']).toBe(0.25);
    expect(v['sig.chain20']).toBeCloseTo(2 ** -40, 25);
    // ‖(30, 40)‖ = 50, clipped to 5: factor 0.1 → (3, 4)
    const e = lessonBindings('exploding-gradients');
    expect(e['clip.norm']).toBeCloseTo(50, 9);
    expect(e['clip.g1']).toBeCloseTo(3, 5);
  });
});

// The reference files are read-only inputs, never rewritten by the tests.
void readFileSync;
