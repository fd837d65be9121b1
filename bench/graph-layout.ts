/*
 * The Designs graph's layout (src/renderer/src/designs/graph.ts: series-parallel blocks and chains
 * with skipping reads placed by hand, dagre for what does not fold) on the largest zoo network, on
 * long designs (a 500-layer chain, a 500-layer chain of residual blocks) and on designs that are not
 * series-parallel (test/helpers/graph-designs.ts): residual blocks also read by the block after next,
 * DenseNet-121 with every layer reading all before it in its block, a feature pyramid on ResNet-101,
 * and two streams exchanging at each of 62 stages (the one that goes to dagre whole). Median of a few
 * runs after a warm-up, wall and CPU time (the process's, garbage collection included), in Node (the
 * page runs the same code in a Web Worker, so a slow layout never blocks the page).
 *
 * Run: npx tsx bench/graph-layout.ts
 */
import { cpus, loadavg } from 'node:os';
import { analyzeModel, getZooModel, type ModelSpec } from '../src/core';
import { layoutGraph } from '../src/renderer/src/designs/graph';
import { chain, denseNet, exchange, fpn, residualChain } from '../test/helpers/graph-designs';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const cases: [string, ModelSpec][] = [
  ['ResNet-18', getZooModel('resnet18')!],
  ['ResNet-50', getZooModel('resnet50')!],
  ['ResNet-152', getZooModel('resnet152')!],
  ['500-layer chain', chain(500)],
  ['100 residual blocks', residualChain(100)],
  ['100 cross-linked blocks', residualChain(100, true)],
  ['DenseNet-121, dense blocks', denseNet()],
  ['FPN on ResNet-101', fpn('resnet101')],
  ['2 streams exchanging, 62 stages', exchange(62)],
];

console.log(
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
console.log('| design | layers | layout median | min | CPU median |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, model] of cases) {
  const a = analyzeModel(model);
  layoutGraph(a);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    layoutGraph(a);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(
    `| ${name} | ${a.layers.length} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms | ${median(cpu).toFixed(0)} ms |`,
  );
}
