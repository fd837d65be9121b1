/**
 * Token sequences [T, D] (T tokens of D features): the reshape from a [C, H, W] map to its pixels as
 * tokens, a learned class token, a learned position embedding, taking one token out, and the
 * embedding of token ids.
 */
import { tex, trace } from '../../formulas/latex';
import { BASE, featuresOf, need3d, needSequence, NONE, opsWith, unchangedRf } from './common';
import {
  elementCounting,
  fvcoreUnsupported,
  ignoredBy,
  noArithmetic,
  R,
  rule,
  SAVES_NOTHING,
} from './counting';
import { attr, defineOp, nonNegInt, posInt } from './define';
import { pyCall } from './pytorch-text';
import { shapeError, shapeText } from './shape-math';

const noOnnx = (what: string) => ({
  none: `${what}; the importer does not turn this pattern into a layer yet`,
});

/** No ONNX operator of its own: the importer reads the nodes PyTorch writes as this layer. */
const fromPattern = (what: string) => ({
  none: `no ONNX operator of its own: PyTorch writes it as ${what}, which the importer reads as this layer`,
});

export const tokens = defineOp(
  'tokens',
  {},
  {
    family: 'sequence',
    summary: '[C, H, W] → [H·W, C]: each pixel becomes a token of C features (a view)',
    accepts: 'map',
    inplace: true,
    view: true,
    template: () => ({}),
    compute(_layer, { shapes, rfs }, explain) {
      const [c, h, w] = need3d(shapes[0]);
      const prf = rfs[0];
      return {
        ...BASE,
        outShape: [h * w, c],
        // A token is one pixel: it sees what that pixel saw.
        rf: prf,
        formulas: !explain
          ? NONE
          : () => [
              trace('outputShape.tokens', 'T = H \\cdot W', `T = ${h} \\cdot ${w} = ${tex(h * w)}`, h * w),
              trace('outputShape.features', 'D = C', `D = ${c}`, c),
            ],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    },
    counting: () =>
      noArithmetic(
        'viewFlattenTranspose',
        R('0', 'fvcoreIgnoresTwo', undefined, { aten: 'aten::flatten', aten2: 'aten::transpose' }),
      ),
    saves: () => SAVES_NOTHING,
    onnx: fromPattern('Reshape to [B, C, H·W] and Transpose (0, 2, 1)'),
    pytorch: { to: () => ({ expr: ([x]) => `${x}.flatten(2).transpose(1, 2)` }) },
  },
);

export const classToken = defineOp(
  'class_token',
  {},
  {
    family: 'sequence',
    summary: 'Prepends a learned token of D features: [T, D] → [T + 1, D] (the ViT class token)',
    idPrefix: 'cls',
    accepts: 'sequence',
    template: () => ({}),
    compute(_layer, { shapes, rfs }, explain) {
      const [t, d] = needSequence(shapes[0]);
      const prf = rfs[0];
      return {
        ...BASE,
        outShape: [t + 1, d],
        rf: prf,
        weights: d,
        formulas: !explain
          ? NONE
          : () => [
              trace('params.weights', 'D', `${d}`, d),
              trace('outputShape.tokens', 'T + 1', `${t} + 1 = ${t + 1}`, t + 1),
            ],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    },
    counting: () => noArithmetic('copyConcat', ignoredBy('aten::cat')),
    saves: () => SAVES_NOTHING,
    onnx: fromPattern('Concat of the (expanded) constant [1, 1, D] before the tokens'),
    pytorch: {
      to: (_layer, [input]) => ({
        module: pyCall('ClassToken', [featuresOf(input)]),
        helpers: ['ClassToken'],
      }),
    },
  },
);

export const posEmbedding = defineOp(
  'pos_embedding',
  {},
  {
    family: 'sequence',
    summary: 'Adds a learned [T, D] position embedding to a token sequence',
    idPrefix: 'pos',
    accepts: 'sequence',
    template: () => ({}),
    compute(_layer, { shapes, rfs }, explain) {
      const [t, d] = needSequence(shapes[0]);
      const prf = rfs[0];
      const n = t * d;
      return {
        ...BASE,
        outShape: [t, d],
        rf: prf,
        weights: n,
        ops: opsWith('elementwise', n),
        formulas: !explain
          ? NONE
          : () => [
              trace('params.weights', 'T \\cdot D', `${t} \\cdot ${d} = ${tex(n)}`, n),
              trace('ops.elementwise', 'T \\cdot D \\text{ (one add each)}', tex(n), n),
            ],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    },
    counting: (_layer, { result }) =>
      elementCounting('elementwise', result.ops.elementwise, R('numel(y)', 'addPerElement'), {
        fvcore: fvcoreUnsupported('aten::add'),
        ptflops: rule(0, R('0', 'plusNotPatched', 'P-fn')),
      }),
    saves: () => SAVES_NOTHING,
    onnx: fromPattern('Add of a constant [1, T, D]'),
    pytorch: {
      to: (_layer, [input]) => ({
        module: pyCall('PosEmbedding', [input[0], featuresOf(input)]),
        helpers: ['PosEmbedding'],
      }),
    },
  },
);

export const selectToken = defineOp(
  'select_token',
  { index: attr(nonNegInt.optional(), { kind: 'int', default: 0, range: '0 … T − 1', unit: 'token' }) },
  {
    family: 'sequence',
    summary: 'Takes token i of a [T, D] sequence: [D] (the class token before the head; a view)',
    idPrefix: 'select',
    accepts: 'sequence',
    inplace: true,
    view: true,
    template: () => ({}),
    compute(layer, { shapes, rfs }, explain) {
      const [t, d] = needSequence(shapes[0]);
      const i = layer.index ?? 0;
      if (i >= t) throw shapeError('select-past-end', { index: i, tokens: t, shape: shapeText(shapes[0]) });
      const prf = rfs[0];
      return {
        ...BASE,
        outShape: [d],
        rf: prf,
        formulas: !explain ? NONE : () => [trace('outputShape', 'N = D', `N = ${d}`, d)],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    },
    counting: () => noArithmetic('viewSelect', ignoredBy('aten::select')),
    saves: () => SAVES_NOTHING,
    onnx: fromPattern('Gather of one constant index along the tokens'),
    pytorch: { to: (layer) => ({ expr: ([x]) => `${x}[:, ${layer.index ?? 0}]` }) },
  },
);

export const embedding = defineOp(
  'embedding',
  {
    num_embeddings: attr(posInt, { kind: 'int', range: '≥ 1', unit: 'ids' }),
    embedding_dim: attr(posInt, { kind: 'int', range: '≥ 1', unit: 'features' }),
  },
  {
    family: 'sequence',
    summary: 'Token ids [T] → [T, D]: one learned row of D features per id (torch.nn.Embedding)',
    idPrefix: 'emb',
    accepts: 'vector',
    template: () => ({ num_embeddings: 1000, embedding_dim: 64 }),
    compute(layer, { shapes, rfs }, explain) {
      const x = shapes[0];
      if (x.length !== 1) throw shapeError('needs-token-ids', { shape: shapeText(x) });
      const t = x[0];
      const { num_embeddings: v, embedding_dim: d } = layer;
      const prf = rfs[0];
      return {
        ...BASE,
        outShape: [t, d],
        rf: prf,
        weights: v * d,
        formulas: !explain
          ? NONE
          : () => [
              trace('params.weights', 'V \\cdot D', `${v} \\cdot ${d} = ${tex(v * d)}`, v * d),
              trace('macs', '0 \\text{ (a table lookup)}', '0', 0),
            ],
        rfFormulas: !explain ? NONE : unchangedRf(prf),
      };
    },
    counting: () => ({ ...noArithmetic('tableLookup'), fvcore: fvcoreUnsupported('aten::embedding') }),
    // The ids (int64), to scatter the gradient into the rows they picked.
    saves: (_layer, io) => ({ indexElements: io.inShapes[0][0] }),
    onnx: noOnnx('PyTorch writes it as Gather on the weight'),
    pytorch: {
      to: (layer) => ({ module: pyCall('nn.Embedding', [layer.num_embeddings, layer.embedding_dim]) }),
    },
  },
);
