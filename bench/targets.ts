/**
 * The targets of issue 17 ("Fast where a student feels it"), each read from the rows of one
 * `npm run bench` run: `npm run bench -- --check` prints them as a table (target, measured, ok) and
 * exits non-zero when one does not hold or was not measured in the run.
 */
import type { BenchRow } from './types';

export interface TargetResult {
  target: string;
  measured: string;
  /** undefined: not measured in this run. */
  ok: boolean | undefined;
}

interface Target {
  target: string;
  /** The measured value (and how to print it), or undefined when the run has no row for it. */
  measure(rows: BenchRow[]): { value: number; text: string } | undefined;
  holds(value: number): boolean;
}

/** Gradient-bench cases of width ≥ 128 (WIDE) or ≤ 64 (NARROW) whose case name also matches `re`. */
const width = (c: string) => Number(/ width (\d+) /.exec(c)?.[1] ?? NaN);
/** What selects rows by case name: a RegExp or any test of the same shape. */
interface CaseMatch {
  test(c: string): boolean;
}
const WIDE = (re: RegExp): CaseMatch => ({ test: (c) => width(c) >= 128 && re.test(c) });
const NARROW = (re: RegExp): CaseMatch => ({ test: (c) => width(c) <= 64 && re.test(c) });

const find = (rows: BenchRow[], suite: string, re: RegExp) =>
  rows.find((r) => r.suite === suite && re.test(r.case));
const fmt = (n: number, unit: string) => `${Number(n.toPrecision(3))} ${unit}`;

/** A row's value against an upper (`<`) or lower (`≥`) bound. */
function bound(target: string, suite: string, re: RegExp, op: '<' | '≤' | '≥', limit: number): Target {
  return {
    target,
    measure: (rows) => {
      const r = find(rows, suite, re);
      return r && { value: r.value, text: fmt(r.value, r.unit) };
    },
    holds: (v) => (op === '<' ? v < limit : op === '≤' ? v <= limit : v >= limit),
  };
}

/** Every row matching `re` holds `ratio ≥ limit`; measured is the smallest ratio. */
function everyRatio(target: string, suite: string, re: CaseMatch, limit: number): Target {
  return {
    target,
    measure: (rows) => {
      const ratios = rows.filter((r) => r.suite === suite && re.test(r.case) && r.ratio !== undefined);
      if (!ratios.length) return undefined;
      const min = Math.min(...ratios.map((r) => r.ratio as number));
      return { value: min, text: `${fmt(min, '×')} (smallest of ${ratios.length})` };
    },
    holds: (v) => v >= limit,
  };
}

export const TARGETS: Target[] = [
  bound(
    'CLI: `convscope analyze zoo:resnet50 --json` < 150 ms wall (median)',
    'cli',
    /^convscope analyze zoo:resnet50 --json, median wall/,
    '<',
    150,
  ),
  bound(
    'CLI: 102 MB ResNet-50 ONNX file < 250 ms wall (median)',
    'cli',
    /^convscope analyze \d+ MB resnet50\.onnx --json, median wall/,
    '<',
    250,
  ),
  bound('Entry chunk < 150 KiB gzip', 'bundle', /^entry chunk/, '<', 150),
  {
    target: "Pages: every page's content < 300 ms after navigation (cold, median)",
    measure: (rows) => {
      const rs = rows.filter(
        (r) => r.suite === 'renderer' && / page: navigation → content painted/.test(r.case),
      );
      if (!rs.length) return undefined;
      const worst = rs.reduce((a, b) => (b.value > a.value ? b : a));
      return {
        value: worst.value,
        text: `${fmt(worst.value, worst.unit)} (slowest: ${worst.case.split(' ')[0]}, of ${rs.length})`,
      };
    },
    holds: (v) => v < 300,
  },
  {
    // Measured before and after rows were read in the process: the larger counts.
    target: 'Analysis: ResNet-152 ≤ 0.2 ms (median, CPU), before and after rows were read',
    measure: (rows) => {
      const rs = rows.filter(
        (r) => r.suite === 'analysis core' && /^analyze zoo:resnet152 .*\(CPU\)$/.test(r.case),
      );
      if (!rs.length) return undefined;
      const worst = Math.max(...rs.map((r) => r.value));
      return { value: worst, text: rs.map((r) => fmt(r.value, r.unit)).join(' / ') };
    },
    holds: (v) => v <= 0.2,
  },
  {
    target: 'Analysis: cost per layer from 1k to 300k layers within 1.3× (CPU)',
    measure: (rows) => {
      const at = (n: string) =>
        find(rows, 'analysis core', new RegExp(`chain of ${n} layers, per layer \\(CPU\\)`));
      const a = at('1,000');
      const b = at('300,000');
      if (!a || !b) return undefined;
      const r = b.value / a.value;
      return { value: r, text: `${fmt(r, '×')} (${fmt(a.value, a.unit)} → ${fmt(b.value, b.unit)})` };
    },
    holds: (v) => v <= 1.3,
  },
  bound('Designs: edit of ResNet-152 → painted, median < 16 ms', 'designs', /^edit .*median/, '<', 16),
  bound('Designs: edit of ResNet-152 → painted, p95 < 50 ms', 'designs', /^edit .*p95/, '<', 50),
  bound('Designs: longest task during edits ≤ 50 ms', 'designs', /^longest task/, '≤', 50),
  bound('Designs: open a 500-layer design < 200 ms to totals', 'designs', /^open .*500/, '<', 200),
  everyRatio('Gradient engine ≥ 5× tfjs-wasm (steps/s), every width', 'gradients', /vs tfjs-wasm$/, 5),
  everyRatio(
    'Gradient engine on WebAssembly SIMD ≥ 4× its TypeScript kernels (steps/s), widths ≥ 128',
    'gradients',
    WIDE(/vs TypeScript kernels$/),
    4,
  ),
  everyRatio(
    'Gradient engine ≥ 0.25× PyTorch-oneDNN, 1 thread (steps/s), widths ≥ 128',
    'gradients',
    WIDE(/vs PyTorch-oneDNN$/),
    0.25,
  ),
  everyRatio(
    'Gradient engine ≥ 1× PyTorch-oneDNN, 1 thread (steps/s), widths ≤ 64',
    'gradients',
    NARROW(/vs PyTorch-oneDNN$/),
    1,
  ),
  everyRatio(
    'Reference gradient sweep (240 configurations × 20 seeds, float64) ≥ 3× faster than the PyTorch script on the same number of threads, each part (wall)',
    'gradients',
    /^reference sweep, .* vs PyTorch$/,
    3,
  ),
];

/** Which targets hold in `rows`. */
export function checkTargets(rows: BenchRow[]): TargetResult[] {
  return TARGETS.map((t) => {
    const m = t.measure(rows);
    return { target: t.target, measured: m?.text ?? 'not measured', ok: m && t.holds(m.value) };
  });
}

/** The results as a Markdown table. */
export function targetTable(results: TargetResult[]): string {
  return [
    '| target (issue 17) | measured | ok |',
    '| --- | --- | :-: |',
    ...results.map(
      (r) => `| ${r.target} | ${r.measured} | ${r.ok === undefined ? '—' : r.ok ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}
