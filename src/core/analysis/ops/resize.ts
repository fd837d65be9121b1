/** Spatial size changes: upsample and pad. */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import { rfPad1d, rfUpsample1d } from '../../formulas/receptive-field';
import type { Pair } from '../../model/shape';
import { BASE, need3d, NONE, opsWith } from './common';
import { elementCounting, ignoredBy, noArithmetic, R, rule, SAVES_NOTHING, sizes } from './counting';
import { attr, defineOp, intOrPair, nonNegInt } from './define';
import { pyCall, pyFloat, pyPair } from './pytorch-text';
import { shapeError, toPair } from './shape-math';
import type { Rf2 } from './types';

const scale = z.number().positive().finite();

export const upsample = defineOp(
  'upsample',
  {
    /** Integer or fractional scale factor; exactly one of scale and size. */
    scale: attr(z.union([scale, z.tuple([scale, scale])]).optional(), {
      kind: 'numberOrPair',
      default: 'none',
      range: '> 0; exactly one of scale and size',
    }),
    size: attr(intOrPair.optional(), { kind: 'intOrPair', default: 'none', range: '≥ 1', unit: 'px' }),
    mode: attr(z.enum(['nearest', 'bilinear']).optional(), {
      kind: 'enum',
      default: 'nearest',
      options: ['nearest', 'bilinear'],
    }),
  },
  {
    family: 'resize',
    summary: 'Nearest or bilinear upsampling by a scale (M = ⌊X · s⌋) or to a size (torch.nn.Upsample)',
    accepts: 'map',
    template: () => ({ scale: 2 }),
    compute(layer, { shapes, rfs }, explain) {
      const prf = rfs[0];
      const [c, h, w] = need3d(shapes[0]);
      const mode = layer.mode ?? 'nearest';
      let out: Pair;
      if ((layer.scale === undefined) === (layer.size === undefined))
        throw shapeError('upsample-scale-or-size', {});
      let s: Pair | null = null;
      if (layer.size !== undefined) out = toPair(layer.size, 1);
      else {
        s = typeof layer.scale === 'number' ? [layer.scale, layer.scale] : (layer.scale as Pair);
        if (!(s[0] > 0 && s[1] > 0)) throw shapeError('scale-not-positive', { scale: s.join('×') });
        out = [Math.floor(h * s[0]), Math.floor(w * s[1])];
      }
      if (!(out[0] <= Number.MAX_SAFE_INTEGER && out[1] <= Number.MAX_SAFE_INTEGER)) {
        const size = out
          .map((v) => (v <= Number.MAX_SAFE_INTEGER ? String(v) : v.toExponential(3)))
          .join('×');
        const max = Number.MAX_SAFE_INTEGER;
        throw s
          ? shapeError('upsample-beyond-2-53-scaled', {
              size,
              input: h === w && s[0] === s[1] ? String(h) : `${h}×${w}`,
              scale: s[0] === s[1] ? String(s[0]) : s.join('×'),
              max,
            })
          : shapeError('upsample-beyond-2-53', { size, max });
      }
      if (!(out[0] >= 1 && out[1] >= 1) || !Number.isSafeInteger(out[0]) || !Number.isSafeInteger(out[1])) {
        throw shapeError('output-below-1', { h: String(out[0]), w: String(out[1]) });
      }
      const rf: Rf2 = [rfUpsample1d(prf[0], out[0] / h, mode), rfUpsample1d(prf[1], out[1] / w, mode)];
      const n = c * out[0] * out[1];
      const ops = opsWith('elementwise', mode === 'bilinear' ? 4 * n : 0);
      return {
        ...BASE,
        outShape: [c, out[0], out[1]],
        rf,
        ops,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'outputSize',
                'M = \\lfloor X \\cdot s \\rfloor',
                `M = ${out[0]} \\times ${out[1]}`,
                out[0] * out[1],
              ),
              trace(
                'ops.elementwise',
                mode === 'bilinear' ? '4 \\cdot \\text{elements}' : '0 \\text{ (nearest: copies)}',
                tex(ops.elementwise),
                ops.elementwise,
              ),
            ],
        rfFormulas: !explain
          ? NONE
          : () => [
              trace('rf.jump.h', 'j_{out} = j_{in} / s', `j_{out} = ${tex(rf[0].jump)}`, rf[0].jump),
              trace('rf.jump.w', 'j_{out} = j_{in} / s', `j_{out} = ${tex(rf[1].jump)}`, rf[1].jump),
            ],
      };
    },
    counting(layer, io) {
      const { y } = sizes(io);
      const bilinear = layer.mode === 'bilinear';
      return elementCounting(
        'elementwise',
        bilinear ? 7 * y : 0,
        bilinear ? R('7·numel(y)', 'bilinearOps') : R('0', 'nearestCopies'),
        {
          fvcore: rule(bilinear ? 4 * y : y, R(`${bilinear ? '4·' : ''}numel(y)`, undefined, 'F-ops, F-ew')),
          ptflops: rule(
            2 * y,
            R('2·numel(y)', 'hookNamedAndPatched', 'P-mod, P-fn', {
              hook: 'upsample_flops_counter_hook',
              fn: 'F.interpolate',
            }),
          ),
        },
      );
    },
    saves: () => SAVES_NOTHING,
    onnx: {
      from: ['Resize', 'Upsample'],
      opset: 13,
      example(layer, input) {
        const mode = layer.mode === 'bilinear' ? 'linear' : 'nearest';
        const empty = { dims: [0], dataType: 'float' as const };
        if (layer.size !== undefined) {
          const [h, w] = toPair(layer.size, 1);
          const sizes = { dims: [4], dataType: 'int64' as const, values: [1, input[0], h, w] };
          return [{ opType: 'Resize', attrs: { mode }, consts: [empty, empty, sizes] }];
        }
        const [sh, sw] =
          typeof layer.scale === 'number' ? [layer.scale, layer.scale] : (layer.scale ?? [1, 1]);
        const scales = { dims: [4], dataType: 'float' as const, values: [1, 1, sh, sw] };
        return [{ opType: 'Resize', attrs: { mode }, consts: [empty, scales] }];
      },
    },
    pytorch: {
      to: (layer) => {
        const mode = layer.mode ?? 'nearest';
        const scale =
          layer.scale === undefined
            ? undefined
            : typeof layer.scale === 'number'
              ? [layer.scale]
              : layer.scale;
        return {
          module: pyCall(
            'nn.Upsample',
            [],
            [
              ['size', layer.size === undefined ? undefined : pyPair(layer.size)],
              [
                'scale_factor',
                scale &&
                  (scale.length === 1 || scale[0] === scale[1] ? pyFloat(scale[0]) : scale.map(pyFloat)),
              ],
              ['mode', mode],
              ['align_corners', mode === 'bilinear' ? false : undefined],
            ],
          ),
        };
      },
    },
  },
);

const pair = z.tuple([nonNegInt, nonNegInt]);

/** [top, bottom, left, right] of a pad layer's `padding` (a number, [h, w] or the four sides). */
function padSides(
  p: number | [number, number] | [number, number, number, number],
): [number, number, number, number] {
  return typeof p === 'number'
    ? [p, p, p, p]
    : p.length === 2
      ? [p[0], p[0], p[1], p[1]]
      : [p[0], p[1], p[2], p[3]];
}

const PAD_MODULE = {
  constant: 'nn.ZeroPad2d',
  reflect: 'nn.ReflectionPad2d',
  replicate: 'nn.ReplicationPad2d',
} as const;

export const pad = defineOp(
  'pad',
  {
    /** Symmetric (number or [h, w]) or explicit [top, bottom, left, right]. */
    padding: attr(z.union([nonNegInt, pair, z.tuple([nonNegInt, nonNegInt, nonNegInt, nonNegInt])]), {
      kind: 'padding4',
      range: '≥ 0; a number, [h, w] or [top, bottom, left, right]',
      unit: 'px',
    }),
    mode: attr(z.enum(['constant', 'reflect', 'replicate']).optional(), {
      kind: 'enum',
      default: 'constant',
      options: ['constant', 'reflect', 'replicate'],
    }),
  },
  {
    family: 'resize',
    summary: 'Explicit padding of H and W (torch.nn.functional.pad / ZeroPad2d)',
    accepts: 'map',
    template: () => ({ padding: 1 }),
    compute(layer, { shapes, rfs }, explain) {
      const prf = rfs[0];
      const [c, h, w] = need3d(shapes[0]);
      const [t, b, l, r] = padSides(layer.padding);
      for (const v of [t, b, l, r]) {
        if (!Number.isSafeInteger(v) || v < 0) throw shapeError('pad-not-non-negative', { value: String(v) });
      }
      if (layer.mode === 'reflect' && (t >= h || b >= h || l >= w || r >= w)) {
        throw shapeError('reflect-pad-too-large', { h, w });
      }
      const rf: Rf2 = [rfPad1d(prf[0], t), rfPad1d(prf[1], l)];
      return {
        ...BASE,
        outShape: [c, h + t + b, w + l + r],
        rf,
        formulas: !explain
          ? NONE
          : () => [
              trace('outputSize.h', 'M = X + P_t + P_b', `M = ${h} + ${t} + ${b} = ${h + t + b}`, h + t + b),
              trace('outputSize.w', 'M = X + P_l + P_r', `M = ${w} + ${l} + ${r} = ${w + l + r}`, w + l + r),
            ],
        rfFormulas: !explain
          ? NONE
          : () => [
              trace(
                'rf.padding.h',
                'P_{out} = P_{in} + P_t \\cdot j_{in}',
                `P_{out} = ${tex(-rf[0].start)}`,
                0 - rf[0].start,
              ),
              trace(
                'rf.padding.w',
                'P_{out} = P_{in} + P_l \\cdot j_{in}',
                `P_{out} = ${tex(-rf[1].start)}`,
                0 - rf[1].start,
              ),
            ],
      };
    },
    counting: () => noArithmetic('dataMovement', ignoredBy('aten::constant_pad_nd')),
    saves: () => SAVES_NOTHING,
    onnx: {
      // Asymmetric padding of a Conv, MaxPool or AveragePool becomes a pad layer before it.
      from: ['Pad', 'Conv', 'MaxPool', 'AveragePool'],
      opset: 13,
      example(layer) {
        const [t, b, l, r] = padSides(layer.padding);
        const mode = layer.mode === 'replicate' ? 'edge' : (layer.mode ?? 'constant');
        return [
          {
            opType: 'Pad',
            attrs: { mode },
            consts: [{ dims: [8], dataType: 'int64', values: [0, 0, t, l, 0, 0, b, r] }],
          },
        ];
      },
    },
    pytorch: {
      to(layer) {
        const [t, b, l, r] = padSides(layer.padding);
        // PyTorch lists the last dimension first: (left, right, top, bottom).
        return { module: pyCall(PAD_MODULE[layer.mode ?? 'constant'], [[l, r, t, b]]) };
      },
    },
  },
);
