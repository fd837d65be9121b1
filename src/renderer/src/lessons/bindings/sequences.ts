import { macsByKind } from '../../../../core/analysis';
import { attentionInfo } from '../../../../core/analysis/ops/attention-math';
import { recurrentInfo } from '../../../../core/analysis/ops/recurrent';
import { getZooModel } from '../../../../core/zoo';
import type { Bindings } from '../types';
import { layer, zoo } from './common';

/** ViT-B/16's tokens, features and heads: the attention example of the lesson and its widget. */
export const VIT = { tokens: 197, features: 768, heads: 12 } as const;

/**
 * Attention and recurrence in the network-complexity lesson: one ViT-B/16 attention layer split into
 * projections and token-pair products, what doubling the tokens does to each, the model's share of
 * attention products, and the LSTM language model's cost per time step.
 */
export function sequenceBindings(): Bindings {
  const a = attentionInfo(VIT.tokens, VIT.features, VIT.heads);
  const doubled = attentionInfo(2 * VIT.tokens, VIT.features, VIT.heads);
  const vit = zoo('vit_b_16');
  const kinds = macsByKind(getZooModel('vit_b_16')!, vit);
  const lm = zoo('lstm_lm');
  const rnn = layer(lm, 'rnn');
  const [t, d] = rnn.inputShapes[0] as [number, number];
  const r = recurrentInfo('lstm', t, d, { hidden_size: 512, num_layers: 2 });
  return {
    'vit.T': VIT.tokens,
    'vit.D': VIT.features,
    'vit.h': VIT.heads,
    'vit.proj': a.projectionMacs,
    'vit.mm': a.matmulMacs,
    'vit.attn': a.macs,
    'vit.mmShare': a.matmulMacs / a.macs,
    'vit.cross': 2 * VIT.features,
    'vit.projGrowth': doubled.projectionMacs / a.projectionMacs,
    'vit.mmGrowth': doubled.matmulMacs / a.matmulMacs,
    'vit.macs': vit.totals.macs,
    'vit.modelMmShare': kinds.matmul / vit.totals.macs,
    'lstm.T': t,
    'lstm.H': 512,
    'lstm.L': r.layers,
    'lstm.step': r.macs / t,
    'lstm.macs': rnn.macs,
    'lstm.steps': t * r.layers,
  };
}
