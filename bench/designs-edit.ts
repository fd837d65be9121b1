/*
 * The Designs editor's work per edit outside the browser's rendering, on ResNet-152 (515 layers):
 * format the model text, parse it, validate it, analyse it, and build the chart options (the graph
 * is laid out in a Web Worker: bench/graph-layout.ts). Median of many runs after a warm-up. The rest of an edit's time in the browser
 * is Vue, naive-ui and ECharts rendering (see the "Designs workspace" section).
 *
 * Run: npx tsx bench/designs-edit.ts [--write]   (--write records the result in docs/benchmarks.md)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { analyzeModel, getZooModel, validateModel, type ModelSpec } from '../src/core';
import { formatModelText, parseModelText } from '../src/renderer/src/stores/designs';
import { setLayerField } from '../src/renderer/src/designs/model-edit';
import { cumulativeOption, perLayerOption, rfOption } from '../src/renderer/src/designs/chart-options';
import { rooflineOption } from '../src/renderer/src/designs/estimate-options';
import { DEVICE_PRESETS, estimateModel } from '../src/core/hardware';

const RUNS = 60;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const base = getZooModel('resnet152') as unknown as Record<string, unknown>;
const steps: Record<string, number[]> = {
  edit: [],
  format: [],
  parse: [],
  validate: [],
  analyze: [],
  charts: [],
  total: [],
};

for (let i = 0; i < RUNS + 10; i++) {
  const t0 = performance.now();
  const edited = setLayerField(base, 0, 'out_channels', 32 + (i % 32));
  const t1 = performance.now();
  const text = formatModelText(edited);
  const t2 = performance.now();
  const parsed = parseModelText(text);
  const t3 = performance.now();
  if (!parsed.ok) throw new Error('parse failed');
  const v = validateModel(parsed.model);
  const t4 = performance.now();
  if (!v.ok) throw new Error(v.errors[0].message);
  const a = analyzeModel(v.model as ModelSpec);
  const t5 = performance.now();
  perLayerOption(a, 'macs', false, 'MACs');
  cumulativeOption(a, { macs: 'm', memory: 'b' });
  rfOption(a, { size: 's', jump: 'j' });
  rooflineOption(estimateModel(a, DEVICE_PRESETS[0]), {
    roof: 'r',
    memory: 'm',
    compute: 'c',
    measured: 'p',
    x: 'x',
    y: 'y',
    time: 't',
    count: String,
  });
  const t6 = performance.now();
  if (i < 10) continue;
  steps.edit.push(t1 - t0);
  steps.format.push(t2 - t1);
  steps.parse.push(t3 - t2);
  steps.validate.push(t4 - t3);
  steps.analyze.push(t5 - t4);
  steps.charts.push(t6 - t5);
  steps.total.push(t6 - t0);
}

const rows = Object.entries(steps).map(([k, xs]) => `| ${k} | ${median(xs).toFixed(2)} ms |`);
const section = [
  '## Design editor core path',
  '',
  '`npx tsx bench/designs-edit.ts --write`: the editor’s non-rendering work per edit of ResNet-152',
  `(515 layers) in Node, median of ${RUNS} runs after 10 warm-up runs.`,
  '',
  `Measured ${new Date().toUTCString()}, ${cpus().length} CPUs, "${cpus()[0]?.model ?? 'unknown'}", load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (a machine shared with other runs).`,
  '',
  '| step | median |',
  '| --- | ---: |',
  ...rows,
  '',
].join('\n');
console.log(section);
if (process.argv.includes('--write')) {
  const file = new URL('../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('## Design editor core path');
  let next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  if (next >= 0) next += 1;
  const updated =
    start < 0
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${next >= 0 ? `\n${doc.slice(next)}` : ''}`;
  writeFileSync(file, updated);
}
