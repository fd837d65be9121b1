/** Reductions: ReduceMean over H, W → global_avgpool; ReduceSum/Prod/Min/Max evaluated on constants. */
import { int, ints } from '../attrs';
import { Unsupported } from '../convert/value';
import { withInput } from '../fold/values';
import type { NodeInfo } from '../read';
import { layersFrom } from './layers-from';
import type { ConvertContext, Inputs, OnnxHandler } from './types';

/** ReduceMean over axes {2, 3} of [B, C, H, W] (axes as attribute, or input from opset 18). */
function reduceMean(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: d } = ctx.input(ins[0]);
  const axes = (ints(node, 'axes') ?? ins[1]?.c?.values ?? null)
    ?.map((a) => (a < 0 ? a + d.length : a))
    .sort();
  if (d.length !== 4 || !axes || axes.length !== 2 || axes[0] !== 2 || axes[1] !== 3) {
    throw new Unsupported(`ReduceMean over axes ${axes ? axes.join(',') : 'all'}`);
  }
  const id = ctx.emit(node, { op: 'global_avgpool' }, [from], [d[0], d[1], 1, 1]);
  if (int(node, 'keepdims', 1) === 1) ctx.out(node, { dims: [d[0], d[1], 1, 1], layer: id });
  else ctx.out(node, { dims: [d[0], d[1]], src: id, viewNode: node });
}

/** The all-axes reduction exporters apply to shape vectors (axes given: not evaluated). */
function reduceAll(f: (a: number, b: number) => number, init: number): OnnxHandler {
  return {
    layers: [],
    doc: 'Evaluated on constants only, over all axes.',
    fold: withInput((node, x, ins) => {
      if (ints(node, 'axes') || ins[1] || !x.values) return null;
      const keep = int(node, 'keepdims', 1) === 1;
      return { dims: keep ? x.dims.map(() => 1) : [], values: [x.values.reduce(f, init)], int: x.int };
    }),
  };
}

export const REDUCE_HANDLERS: Record<string, OnnxHandler> = {
  ReduceMean: {
    layers: layersFrom('ReduceMean'),
    doc: 'Over H and W only: `global_avgpool` (followed by `flatten` where keepdims = 0 and a vector is needed).',
    convert: reduceMean,
  },
  ReduceSum: reduceAll((a, b) => a + b, 0),
  ReduceProd: reduceAll((a, b) => a * b, 1),
  ReduceMin: reduceAll((a, b) => Math.min(a, b), Infinity),
  ReduceMax: reduceAll((a, b) => Math.max(a, b), -Infinity),
};
