/*
 * The Designs graph's layout (src/renderer/src/designs/graph.ts: series-parallel blocks placed by hand,
 * dagre for what does not fold) on the largest zoo network and on long designs: ResNet-152 (515
 * layers), a 500-layer chain and a 500-layer chain of residual blocks, and a design that does not
 * fold (every block also read by the block after next), which goes to dagre. Median of a few runs
 * after a warm-up, in Node (the page runs the same code in a Web Worker, so a slow layout never
 * blocks the page).
 *
 * Run: npx tsx bench/graph-layout.ts
 */
import { cpus, loadavg } from 'node:os';
import { analyzeModel, getZooModel, type ModelSpec } from '../src/core';
import { layoutGraph } from '../src/renderer/src/designs/graph';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function chain(n: number): ModelSpec {
  const layers: ModelSpec['layers'] = [];
  for (let i = 0; i < n; i++)
    layers.push(
      i % 2 === 0
        ? { id: `conv${i}`, op: 'conv2d', out_channels: 16, kernel: 3, padding: 1 }
        : { id: `relu${i}`, op: 'relu' },
    );
  return { format: 'convscope-model', version: 1, name: 'chain', input: [16, 32, 32], layers };
}

function residualChain(blocks: number): ModelSpec {
  const layers: ModelSpec['layers'] = [{ id: 'stem', op: 'conv2d', out_channels: 16, kernel: 3, padding: 1 }];
  let last = 'stem';
  for (let b = 0; b < blocks; b++) {
    layers.push(
      { id: `b${b}c1`, op: 'conv2d', out_channels: 16, kernel: 3, padding: 1, inputs: [last] },
      { id: `b${b}r1`, op: 'relu' },
      { id: `b${b}c2`, op: 'conv2d', out_channels: 16, kernel: 3, padding: 1 },
      { id: `b${b}add`, op: 'add', inputs: [`b${b}c2`, last] },
      { id: `b${b}r2`, op: 'relu' },
    );
    last = `b${b}r2`;
  }
  return { format: 'convscope-model', version: 1, name: 'residual', input: [16, 32, 32], layers };
}

/** Residual blocks whose inputs are also read two blocks later: not series-parallel, laid out by dagre. */
function crossLinked(blocks: number): ModelSpec {
  const m = residualChain(blocks);
  for (let b = 2; b < blocks; b++) {
    const add = m.layers.find((l) => l.id === `b${b}add`)!;
    add.inputs = [...add.inputs!, `b${b - 2}r2`];
  }
  return { ...m, name: 'cross-linked' };
}

const cases: [string, ModelSpec][] = [
  ['ResNet-18', getZooModel('resnet18')!],
  ['ResNet-50', getZooModel('resnet50')!],
  ['ResNet-152', getZooModel('resnet152')!],
  ['500-layer chain', chain(500)],
  ['100 residual blocks (501 layers)', residualChain(100)],
  ['100 cross-linked blocks (501 layers)', crossLinked(100)],
];

console.log(
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
console.log('| design | layers | layout median | min |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, model] of cases) {
  const a = analyzeModel(model);
  layoutGraph(a);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    layoutGraph(a);
    times.push(performance.now() - t0);
  }
  console.log(
    `| ${name} | ${a.layers.length} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms |`,
  );
}
