/**
 * `npm run bench`: every benchmark of the project in one run, printed as one table with the peer
 * ratios measured in that same run. `--write` also replaces the summary section of docs/benchmarks.md.
 *
 *   npm run bench [-- --quick] [-- --write] [-- --check] [-- --only cli,core]
 *
 * `--quick` shortens the slow suites (fewer runs, a 5 s load test, no 240-configuration sweep) for a
 * smoke run; recorded results come from a full run. `--check` also prints which targets of issue 17
 * hold (bench/targets.ts) and exits non-zero when one does not or was not measured. `--only` runs the
 * suites whose name contains one of the comma-separated words. A row with a budget (the most its value
 * may be) that is over it is listed under the table as "over budget" and fails the run, like a suite
 * that fails.
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliBench } from './cli';
import { runConvBench } from './conv';
import { runCoreBench } from './core';
import { runDesignsBrowserBench } from './designs-browser';
import { runErfBench } from './erf';
import { runGradientBench } from './gradients';
import { runImportBench } from './import';
import { runOnnxBench } from './onnx';
import { runPracticeSpecBench } from './practice-specs';
import { runRendererBench } from './renderer';
import { runStorageBench } from './storage';
import { runBundleBench } from './bundle';
import { checkTargets, targetTable } from './targets';
import type { BenchRow } from './types';
import { runWebLoadBench } from './web-load';

const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
const check = process.argv.includes('--check');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];

const suites: [string, () => Promise<BenchRow[]>][] = [
  ['analysis core', () => runCoreBench()],
  ['gradient engine vs tfjs', () => runGradientBench((line) => console.error(line), { sweep: !quick })],
  ['conv2d vs tfjs-wasm', () => runConvBench((line) => console.error(line))],
  ['ERF vs PyTorch', async () => runErfBench((line) => console.error(line))],
  ['ONNX import vs python onnx', () => runOnnxBench(quick ? 1 : 3, undefined, (line) => console.error(line))],
  ['CLI start-up vs python onnx', () => runCliBench(quick ? 5 : 9, undefined, (line) => console.error(line))],
  ['storage vs raw better-sqlite3', () => runStorageBench()],
  ['largest practice spec per skill', () => runPracticeSpecBench(quick ? 2 : 5)],
  ['100k-row data import', () => runImportBench(quick ? 20_000 : undefined)],
  ['web edition under load', () => runWebLoadBench(quick ? { seconds: 5, clients: 20 } : {})],
  ['renderer in Chromium', () => runRendererBench(quick ? 3 : 7)],
  ['designs workspace in Chromium', () => runDesignsBrowserBench(quick ? 7 : 21, quick ? 3 : 7)],
  ['page bundles', async () => runBundleBench()],
];

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : Number(n.toPrecision(3)).toString();

const loadAtStart = loadavg()[0]!;
const rows: BenchRow[] = [];
const failures: string[] = [];
for (const [name, run] of suites.filter(([n]) => !only.length || only.some((w) => n.includes(w)))) {
  console.error(`— ${name} …`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
const lines = [
  `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}${quick ? ' (--quick)' : ''}; load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`,
  '',
  '| suite | case | value | peer (same run) | ratio |',
  '| --- | --- | ---: | --- | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.suite} | ${r.case} | ${fmt(r.value)} ${r.unit} | ${r.peer ?? ''} | ${r.ratio === undefined ? '' : `${fmt(r.ratio)}×`} |`,
  ),
  ...(failures.length ? ['', ...failures.map((f) => `- not measured: ${f}`)] : []),
];
const over = rows.filter((r) => r.budget !== undefined && r.value > r.budget);
if (over.length) {
  lines.push(
    '',
    ...over.map(
      (r) => `- over budget: ${r.suite} / ${r.case}: ${fmt(r.value)} ${r.unit} > ${fmt(r.budget!)} ${r.unit}`,
    ),
  );
  failures.push(...over.map((r) => `${r.suite} / ${r.case} over budget`));
}
console.log(lines.join('\n'));

if (write) {
  const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const start = '<!-- bench:summary -->';
  const end = '<!-- /bench:summary -->';
  const block = `${start}\n${lines.join('\n')}\n${end}`;
  const next = doc.includes(start)
    ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : doc.replace(/\n## /, `\n## Summary (npm run bench)\n\n${block}\n\n## `);
  writeFileSync(file, next);
}
process.exitCode = failures.length ? 1 : 0;
if (check) {
  const results = checkTargets(rows);
  console.log(`\n${targetTable(results)}`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}
