/**
 * Designs for the Designs graph's layout that are not in the zoo: long chains, residual chains, and
 * designs that do not fold into series-parallel blocks (a layer read across blocks, a DenseNet whose
 * layers each read all before them, a feature pyramid with lateral connections). Shared by the
 * placement test (test/renderer/src/designs/graph-placement.test.ts) and bench/graph-layout.ts.
 */
import { getZooModel, ModelBuilder, type ModelSpec } from '../../src/core';

/** `n` layers, each reading the one before. */
export function chain(n: number): ModelSpec {
  const b = new ModelBuilder();
  for (let i = 0; i < n; i++)
    if (i % 2 === 0) b.conv(`conv${i}`, 16, 3, { padding: 1 });
    else b.add(`relu${i}`, { op: 'relu' });
  return b.model('chain', [16, 32, 32]);
}

/**
 * `blocks` residual blocks (conv, relu, conv, add, relu); with `cross`, each add from the third on
 * also reads the output of the block before last, so the blocks no longer fold one by one.
 */
export function residualChain(blocks: number, cross = false): ModelSpec {
  const b = new ModelBuilder();
  const outs = [b.conv('stem', 16, 3, { padding: 1 })];
  for (let k = 0; k < blocks; k++) {
    const x = outs[outs.length - 1]!;
    b.conv(`b${k}c1`, 16, 3, { padding: 1 }, x);
    b.add(`b${k}r1`, { op: 'relu' });
    const main = b.conv(`b${k}c2`, 16, 3, { padding: 1 });
    b.add(`b${k}add`, { op: 'add' }, [main, x, ...(cross && k >= 2 ? [outs[outs.length - 2]!] : [])]);
    outs.push(b.add(`b${k}r2`, { op: 'relu' }));
  }
  return b.model(cross ? 'cross-linked' : 'residual', [16, 32, 32]);
}

/**
 * A DenseNet written the way the paper draws a dense block: every layer (BN-ReLU-1×1 conv-BN-ReLU-3×3
 * conv) reads the concatenation of the block's input and every layer before it, and the block's
 * output concatenates them all; transitions (BN-ReLU-1×1 conv-2×2 average pool) between blocks.
 * `blocks` [6, 12, 24, 16] with growth 32 is DenseNet-121 (427 layers).
 */
export function denseNet(blocks: readonly number[] = [6, 12, 24, 16], growth = 32, input = 64): ModelSpec {
  const b = new ModelBuilder();
  b.conv('features.conv0', 2 * growth, 7, { stride: 2, padding: 3, bias: false });
  b.add('features.norm0', { op: 'batchnorm' });
  b.add('features.relu0', { op: 'relu' });
  let x = b.add('features.pool0', { op: 'maxpool2d', kernel: 3, stride: 2, padding: 1 });
  let channels = 2 * growth;
  blocks.forEach((n, d) => {
    const feats = [x];
    for (let i = 1; i <= n; i++) {
      const p = `features.denseblock${d + 1}.denselayer${i}`;
      const from = feats.length === 1 ? x : b.add(`${p}.cat`, { op: 'concat' }, [...feats]);
      b.add(`${p}.norm1`, { op: 'batchnorm' }, from);
      b.add(`${p}.relu1`, { op: 'relu' });
      b.conv(`${p}.conv1`, 4 * growth, 1, { bias: false });
      b.add(`${p}.norm2`, { op: 'batchnorm' });
      b.add(`${p}.relu2`, { op: 'relu' });
      feats.push(b.conv(`${p}.conv2`, growth, 3, { padding: 1, bias: false }));
    }
    channels += n * growth;
    x = b.add(`features.denseblock${d + 1}.cat`, { op: 'concat' }, feats);
    if (d < blocks.length - 1) {
      const t = `features.transition${d + 1}`;
      b.add(`${t}.norm`, { op: 'batchnorm' });
      b.add(`${t}.relu`, { op: 'relu' });
      channels = Math.floor(channels / 2);
      b.conv(`${t}.conv`, channels, 1, { bias: false });
      x = b.add(`${t}.pool`, { op: 'avgpool2d', kernel: 2, stride: 2 });
    }
  });
  b.add('features.norm5', { op: 'batchnorm' });
  b.add('relu', { op: 'relu' });
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier', { op: 'linear', out_features: 1000 });
  return b.model(`densenet(${blocks.join(',')})`, [3, input, input]);
}

/**
 * A feature pyramid (FPN) on a zoo ResNet: a 1×1 lateral conv on each stage's output, a top-down path
 * that upsamples the coarser level and adds the lateral, a 3×3 conv on each level, and an extra
 * coarsest level pooled from the top one. Each level is an output (nothing reads it).
 */
export function fpn(backbone: 'resnet50' | 'resnet101' = 'resnet50'): ModelSpec {
  const base = getZooModel(backbone)!;
  const b = new ModelBuilder();
  b.layers.push(...base.layers.filter((l) => !['avgpool', 'flatten', 'fc'].includes(l.id)));
  const stageOut = (s: number) =>
    base.layers.filter((l) => l.id.startsWith(`layer${s}.`) && l.op === 'relu').pop()!.id;
  let top = '';
  for (let s = 4; s >= 1; s--) {
    const lateral = b.conv(`fpn.inner${s}`, 256, 1, {}, stageOut(s));
    top = top
      ? b.add(`fpn.merge${s}`, { op: 'add' }, [
          lateral,
          b.add(`fpn.up${s}`, { op: 'upsample', scale: 2, mode: 'nearest' }, top),
        ])
      : lateral;
    b.conv(`fpn.layer${s}`, 256, 3, { padding: 1 }, top);
    if (s === 4) b.add('fpn.pool', { op: 'maxpool2d', kernel: 1, stride: 2 });
  }
  return b.model(`fpn-${backbone}`, [3, 224, 224]);
}

/**
 * Two streams that exchange at every stage (as HRNet's high- and low-resolution branches do): each
 * stream's next stage adds its own conv block and a 1×1 conv of the other stream.
 */
export function exchange(stages: number): ModelSpec {
  const b = new ModelBuilder();
  let hi = b.conv('stem', 16, 3, { padding: 1 });
  let lo = hi;
  for (let s = 0; s < stages; s++) {
    const h = b.conv(`s${s}.hi.conv`, 16, 3, { padding: 1 }, hi);
    b.add(`s${s}.hi.relu`, { op: 'relu' });
    const l = b.conv(`s${s}.lo.conv`, 16, 3, { padding: 1 }, lo);
    b.add(`s${s}.lo.relu`, { op: 'relu' });
    const h2l = b.conv(`s${s}.hi2lo`, 16, 1, {}, `s${s}.hi.relu`);
    const l2h = b.conv(`s${s}.lo2hi`, 16, 1, {}, `s${s}.lo.relu`);
    hi = b.add(`s${s}.hi.add`, { op: 'add' }, [`s${s}.hi.relu`, l2h]);
    lo = b.add(`s${s}.lo.add`, { op: 'add' }, [`s${s}.lo.relu`, h2l]);
    void h;
    void l;
  }
  b.add('out', { op: 'add' }, [hi, lo]);
  return b.model('exchange', [16, 32, 32]);
}
