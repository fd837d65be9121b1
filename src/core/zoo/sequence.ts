import type { ModelSpec } from '../model/types';
import { ModelBuilder } from './builder';

/**
 * torchvision vit_b_16(): a 16×16 stride-16 patch convolution to 196 tokens of 768 features, the
 * class token and the position embedding, 12 encoder blocks (pre-norm: LayerNorm, 12-head
 * self-attention, residual add; LayerNorm, MLP 768 → 3072 → 768 with GELU, residual add), the
 * final LayerNorm and the class token's linear head. Ids follow the module names; the functional
 * steps (reshape and permute, class token, position embedding, residual adds, token 0) get names of
 * their own.
 */
export function vitB16(): ModelSpec {
  const b = new ModelBuilder();
  const d = 768;
  b.conv('conv_proj', d, 16, { stride: 16 });
  b.add('tokens', { op: 'tokens' });
  b.add('class_token', { op: 'class_token' });
  b.add('encoder.pos_embedding', { op: 'pos_embedding' });
  let x = b.add('encoder.dropout', { op: 'dropout', p: 0 });
  for (let i = 0; i < 12; i++) {
    const p = `encoder.layers.encoder_layer_${i}`;
    b.add(`${p}.ln_1`, { op: 'layernorm' });
    b.add(`${p}.self_attention`, { op: 'attention', num_heads: 12 });
    const a = b.add(`${p}.dropout`, { op: 'dropout', p: 0 });
    const y = b.add(`${p}.add_1`, { op: 'add' }, [a, x]);
    b.add(`${p}.ln_2`, { op: 'layernorm' });
    b.add(`${p}.mlp.0`, { op: 'linear', out_features: 4 * d });
    b.add(`${p}.mlp.1`, { op: 'gelu' });
    b.add(`${p}.mlp.2`, { op: 'dropout', p: 0 });
    b.add(`${p}.mlp.3`, { op: 'linear', out_features: d });
    const m = b.add(`${p}.mlp.4`, { op: 'dropout', p: 0 });
    x = b.add(`${p}.add_2`, { op: 'add' }, [y, m]);
  }
  b.add('encoder.ln', { op: 'layernorm' });
  b.add('class_token_out', { op: 'select_token', index: 0 });
  b.add('heads.head', { op: 'linear', out_features: 1000 });
  return b.model('vit_b_16', [3, 224, 224]);
}

/**
 * A word-level language-model head (PyTorch's word_language_model example): 35 token ids, an
 * embedding of 10,000 × 256, a two-layer LSTM or GRU of 512 hidden features, and a decoder to the
 * 10,000 words at every step.
 */
export function recurrentLm(cell: 'lstm' | 'gru'): ModelSpec {
  const b = new ModelBuilder();
  b.add('embedding', { op: 'embedding', num_embeddings: 10000, embedding_dim: 256 });
  b.add('rnn', { op: cell, hidden_size: 512, num_layers: 2 });
  b.add('decoder', { op: 'linear', out_features: 10000 });
  return b.model(`${cell}_lm`, [35]);
}

/**
 * A small U-Net-style encoder-decoder for 1×64×64 segmentation into 2 classes: two encoder stages
 * (two 3×3 convolutions + ReLU, 2×2 max pool), a bottleneck, and two decoder stages, one up by a
 * 2×2 stride-2 transposed convolution and one by bilinear upsampling and a 1×1 convolution, each
 * concatenated with the encoder's skip connection.
 */
export function unetSmall(): ModelSpec {
  const b = new ModelBuilder();
  const double = (p: string, c: number, from?: string) => {
    b.conv(`${p}.0`, c, 3, { padding: 1 }, from);
    b.add(`${p}.1`, { op: 'relu' });
    b.conv(`${p}.2`, c, 3, { padding: 1 });
    return b.add(`${p}.3`, { op: 'relu' });
  };
  const e1 = double('enc1', 16);
  b.add('pool1', { op: 'maxpool2d', kernel: 2, stride: 2 });
  const e2 = double('enc2', 32);
  b.add('pool2', { op: 'maxpool2d', kernel: 2, stride: 2 });
  double('bottleneck', 64);
  const u2 = b.add('up2', { op: 'conv_transpose2d', out_channels: 32, kernel: 2, stride: 2 });
  b.add('cat2', { op: 'concat' }, [u2, e2]);
  double('dec2', 32);
  b.add('up1.0', { op: 'upsample', scale: 2, mode: 'bilinear' });
  const u1 = b.conv('up1.1', 16, 1);
  b.add('cat1', { op: 'concat' }, [u1, e1]);
  double('dec1', 16);
  b.conv('head', 2, 1);
  return b.model('unet_small', [1, 64, 64]);
}
