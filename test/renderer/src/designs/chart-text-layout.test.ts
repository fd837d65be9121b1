import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../../src/core/analysis';
import { getZooModel } from '../../../../src/core/zoo';
import {
  cumulativeOption,
  perLayerOption,
  rfOption,
} from '../../../../src/renderer/src/designs/chart-options';
import en from '../../../../src/renderer/src/locales/en/designs';
import zh from '../../../../src/renderer/src/locales/zh-CN/designs';

/**
 * The Designs charts laid out by ECharts itself (server-side SVG at the sizes the page gives them): no
 * legend entry may cover an axis title, and no text may run off the chart. Text boxes are estimated from
 * the font size: 0.6 em per Latin character, 1 em per CJK one.
 */
interface Box {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function textBoxes(option: Record<string, unknown>, width: number, height: number): Box[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  const boxes: Box[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const text = m[2]!;
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    const size = Number(/font-size:(\d+)px/.exec(attrs)?.[1] ?? 12);
    const w = [...text].reduce((s, c) => s + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.6) * size, 0);
    const dx = Number(attr('x') ?? 0);
    const dy = Number(attr('y') ?? 0);
    const anchor = attr('text-anchor') ?? 'start';
    const along =
      anchor === 'middle' ? [dx - w / 2, dx + w / 2] : anchor === 'end' ? [dx - w, dx] : [dx, dx + w];
    const across = [dy - size / 2, dy + size / 2];
    const t = attr('transform') ?? '';
    const translate = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(t);
    const matrix = /matrix\(([^)]*)\)/.exec(t)?.[1]!.split(/[ ,]+/).map(Number);
    const [a, b, c, d, e, f] = matrix ?? [
      1,
      0,
      0,
      1,
      Number(translate?.[1] ?? 0),
      Number(translate?.[2] ?? 0),
    ];
    // The four corners of the text's own box, through the transform.
    const xs: number[] = [];
    const ys: number[] = [];
    for (const u of along) {
      for (const v of across) {
        xs.push(a! * u + c! * v + e!);
        ys.push(b! * u + d! * v + f!);
      }
    }
    boxes.push({ text, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
  }
  return boxes;
}

const meets = (p: Box, q: Box) => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;

/** Pairs of a legend entry (one of `legend`) and another text it covers, and texts that leave the chart. */
function collisions(boxes: Box[], legend: string[], width: number): string[] {
  const out: string[] = [];
  const entries = boxes.filter((b) => b.y1 < 30 && legend.includes(b.text));
  for (const entry of entries) {
    for (const other of boxes) {
      if (other !== entry && meets(entry, other)) out.push(`legend "${entry.text}" covers "${other.text}"`);
    }
  }
  for (const b of boxes) if (b.x0 < 0 || b.x1 > width) out.push(`"${b.text}" runs off the chart`);
  return out;
}

const resnet50 = analyzeModel(getZooModel('resnet50')!);

describe('Designs chart text layout', () => {
  for (const [lang, d] of [
    ['en', en],
    ['zh-CN', zh],
  ] as const) {
    const c = d.designs.charts;
    for (const width of [460, 900]) {
      it(`cumulative totals, ${lang}, ${width} px: the legend covers no axis title`, () => {
        const boxes = textBoxes(
          cumulativeOption(resnet50, { macs: c.cumMacs, memory: c.cumMemory }),
          width,
          300,
        );
        expect(collisions(boxes, [c.cumMacs, c.cumMemory], width)).toEqual([]);
      });
      it(`receptive field and per-layer bars, ${lang}, ${width} px`, () => {
        const names = [`${c.rfSize} (H)`, `${c.rfSize} (W)`, `${c.rfJump} (H)`];
        const rf = textBoxes(rfOption(resnet50, { size: c.rfSize, jump: c.rfJump }), width, 300);
        expect(collisions(rf, names, width)).toEqual([]);
        const bars = textBoxes(perLayerOption(resnet50, 'macs', false, c.metric.macs), width, 300);
        expect(collisions(bars, [c.metric.macs], width)).toEqual([]);
      });
    }
  }
});
