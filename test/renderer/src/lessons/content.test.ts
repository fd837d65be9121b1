import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initRun, lessonBindings } from '../../../../src/renderer/src/lessons/bindings';
import { LESSON_IDS, LESSONS } from '../../../../src/renderer/src/lessons/catalog';
import { CONTENT } from '../../../../src/renderer/src/lessons/content';
import { BINDING_PATTERN, bindTex, renderInline } from '../../../../src/renderer/src/lessons/rich-text';
import type { Block, LessonText } from '../../../../src/renderer/src/lessons/types';
import { WIDGET_KEYS } from '../../../../src/renderer/src/lessons/types';
import { referenceFile } from '../../../helpers/reference';
import { getExperiment as getPreset } from '../../../../src/core/autograd';

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

describe('lesson content', () => {
  it('links only to Gradient Lab presets that exist', () => {
    for (const lesson of Object.values(LESSONS)) {
      for (const preset of lesson.labPresets ?? [])
        expect(getPreset(preset), `${lesson.id} → ${preset}`).toBeDefined();
    }
  });

  it('has every lesson in both languages with the same sections and widgets', () => {
    expect(LESSON_IDS).toHaveLength(11);
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

  it('ends every lesson with a recap of its key formulas, in both languages', () => {
    for (const id of LESSON_IDS) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const last = CONTENT[locale][id].sections.at(-1)!;
        expect(last.id, `${locale} ${id}`).toBe('recap');
        expect(
          last.blocks.filter((b) => typeof b === 'object' && 'tex' in b).length,
          `${locale} ${id}: recap formulas`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('writes numbers as digits: no Chinese numeral lists standing in for computed values', () => {
    // "扩张率依次为一、二、四、八" hid the example's dilations from the bindings; values are bindings.
    const spelled = /[一二三四五六七八九十][、，][一二三四五六七八九十]/;
    for (const id of LESSON_IDS) {
      for (const { where, text } of texts(CONTENT['zh-CN'][id]))
        expect(text, `${id} ${where}`).not.toMatch(spelled);
    }
    expect('扩张率依次为一、二、四、八').toMatch(spelled);
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
    // "round" writes a whole number without a trailing ".0" ("166 次", not "166.0 次").
    expect(renderInline('{{q|round}} 次', { q: 166.04 }, 'zh-CN')).toContain('>166</span> 次');
    expect(renderInline('{{q|fixed1}} 次', { q: 166.04 }, 'zh-CN')).toContain('>166.0</span> 次');
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

  it('give attention and recurrence the PyTorch-measured ViT-B/16 and LSTM figures', () => {
    const zoo18 = (name: string) =>
      JSON.parse(readFileSync(`test/fixtures/reference/zoo18/${name}.json`, 'utf8')) as {
        macs: number;
        macsByKind: { matmul: number };
        attentionCheck?: { countedMacs: number };
        macsPerStep?: number;
        macsRecurrent?: number;
      };
    const vit = zoo18('vit_b_16');
    const lm = zoo18('lstm_lm');
    const n = lessonBindings('network-complexity');
    // One attention layer: 4·197·768² + 2·197²·768, as a step-by-step re-implementation counted.
    expect(n['vit.attn']).toBe(vit.attentionCheck!.countedMacs);
    expect(n['vit.proj']).toBe(4 * 197 * 768 ** 2);
    expect(n['vit.mm']).toBe(2 * 197 ** 2 * 768);
    expect([n['vit.projGrowth'], n['vit.mmGrowth']]).toEqual([2, 4]);
    expect(n['vit.macs']).toBe(vit.macs);
    expect(n['vit.modelMmShare']).toBe(vit.macsByKind.matmul / vit.macs);
    expect(n['lstm.step']).toBe(lm.macsPerStep);
    expect(n['lstm.macs']).toBe(lm.macsRecurrent);
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

/** The numbers behind the statements issue reviews found wrong or unclear, recomputed by hand. */
describe('lesson statements', () => {
  it('"same" padding never goes negative: max((M − 1)·S + K − X, 0)', () => {
    const o = lessonBindings('output-size');
    // X = 16, K = 1, S = 2: M = 8, (8 − 1)·2 + 1 − 16 = −1, so no padding.
    expect([o['s2.M'], o['s2.raw'], o['s2.P']]).toEqual([8, -1, 0]);
    // ResNet's stem: 223 = 2·111 + 1: one column left over, and it is padding (P = 3 on the right).
    expect([o['b.rem'], o['b.lostInput']]).toEqual([1, 0]);
  });

  it('counts no bias in the ResNet layer (a BatchNorm follows every ResNet convolution)', () => {
    const c = lessonBindings('layer-complexity');
    expect(c['c.bias']).toBe(0);
    // 3·3·64·64 weights, used at 56·56 positions.
    expect([c['c.weights'], c['c.params'], c['c.positions']]).toEqual([36_864, 36_864, 3136]);
  });

  it('compares the bottleneck block with the plain block it replaces, convolution by convolution', () => {
    const n = lessonBindings('network-complexity');
    const m2 = 28 * 28;
    expect(n['reduce.macs']).toBe(m2 * 256 * 64);
    expect(n['mid.macs']).toBe(m2 * 9 * 64 * 64);
    expect(n['expand.macs']).toBe(m2 * 64 * 256);
    expect(n['bn.macs']).toBe(
      (n['reduce.macs'] as number) + (n['mid.macs'] as number) + (n['expand.macs'] as number),
    );
    // The plain block: two 3×3 convolutions at 256 channels on the same 28×28 map.
    expect(n['wide.macs']).toBe(m2 * 9 * 256 * 256);
    expect(n['bn.wide']).toBe(2 * (n['wide.macs'] as number));
    expect(n['bn.ratio']).toBeCloseTo((2 * 9 * 256 * 256) / (256 * 64 + 9 * 64 * 64 + 64 * 256), 12);
  });

  it('shows the dilated stack the text describes: dilations 1, 2, 4, 8, and the holes of gridding', () => {
    const d = lessonBindings('dilated-convolution');
    expect([d['dil.d1'], d['dil.d2'], d['dil.d3'], d['dil.d4']]).toEqual([1, 2, 4, 8]);
    expect(d['dil.layers']).toBe(4);
    // 1 + 2·(1 + 2 + 4 + 8) = 31, and four plain 3-taps: 1 + 4·2 = 9.
    expect([d['dil.r4'], d['plain.r4']]).toEqual([31, 9]);
    // Three dilation-2 layers span 13 pixels and read only the 7 of one parity.
    expect([d['grid.r3'], d['grid.read']]).toEqual([13, 7]);
    // Dilations 1, 2, 4: 15 pixels, all read.
    expect([d['mix.r3'], d['mix.read'], d['mix.holes']]).toEqual([15, 15, 0]);
  });

  it('states the initialisation gains the variance argument predicts, and the engine measures them', () => {
    const b = lessonBindings('initialisation');
    // n·Var(w) with n = 128: N(0, 1) → 128; N(0, 0.01²) → 0.0128.
    expect(b['ex.gainStd']).toBe(128);
    expect(b['ex.gainSmall']).toBeCloseTo(0.0128, 12);
    // ReLU halves the variance: Xavier (1/n) gives ½ per layer, He (2/n) gives 1.
    expect([b['relu.c'], b['xr.gain'], b['he.gain']]).toEqual([0.5, 0.5, 1]);
    expect(b['xr.depthGain']).toBeCloseTo(0.5 ** 19, 15);
    expect(Math.abs((b['he.measuredFwd'] as number) - 1)).toBeLessThan(0.1);
    expect(Math.abs((b['he.measuredBwd'] as number) - 1)).toBeLessThan(0.1);
    expect(Math.abs((b['xr.measuredFwd'] as number) - 0.5)).toBeLessThan(0.05);
    // Sigmoid with Xavier: at most n · (1/n) · (¼)² = 1/16 per layer backwards.
    expect(b['sig.bwdGain']).toBeCloseTo(1 / 16, 12);
    expect(initRun('sigmoid', 'xavier').measuredBackwardGain!).toBeLessThanOrEqual(1 / 16);
    // Exploding ReLU init: both signals move by tens of decades, the weight gradients stay level.
    expect(b['big.actDecades'] as number).toBeGreaterThan(25);
    expect(b['big.gradDecades'] as number).toBeGreaterThan(25);
    expect(b['big.wgradSpread'] as number).toBeLessThan(1);
  });

  it('gives the LSTM forget gate σ(1) and LeakyReLU its slopes', () => {
    const r = lessonBindings('remedies');
    expect(r['lstm.f0']).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(r['lstm.fHalf']).toBe(0.5);
    expect([r['leaky.max'], r['leaky.alpha']]).toEqual([1, 0.01]);
  });
});

// The reference files are read-only inputs, never rewritten by the tests.
void readFileSync;
