/**
 * The worksheet report (`convscope report`): what a student hands in or a teacher prints — the
 * assumptions first (what is counted, in which unit, at which precision), then the totals, the
 * per-layer table (the report's one column list, ./columns) and the warnings. Markdown and HTML are
 * written from this one structure (./worksheet-text.ts).
 */
import { DTYPE_BYTES, type AnalysisOptions, type ModelAnalysis } from '../analysis/types';
import { formatBytes, formatInt } from '../format';
import { reportHeader, reportRows, type ReportCell } from './columns';
import { unsupportedOps } from './json';

export interface Worksheet {
  title: string;
  /** Where the design came from (zoo:NAME, a file name). */
  source: string;
  input: string;
  /** One sentence each: the conventions every number below follows. */
  assumptions: string[];
  totals: { label: string; value: string; exact: number }[];
  /** The per-layer table: headers and rows (the totals row last), as the CSV has them. */
  header: string[];
  rows: ReportCell[][];
  warnings: string[];
  /** Set when some layer's cost is unknown: the operators by name and count. */
  incomplete?: string;
}

/** The conventions of `options`, in words. */
export function assumptionsOf(o: AnalysisOptions): string[] {
  const extra = [
    o.countBias && 'bias additions (1 per output element)',
    o.countNorm && 'normalisation (1 op per output element)',
    o.countActivations && 'activations (1 op per output element)',
    o.countPooling && 'pooling (window reads)',
    o.countElementwise && 'element-wise operations ((operands − 1) per output element)',
  ].filter(Boolean);
  return [
    'One sample (batch 1); shapes are [C, H, W] without the batch dimension.',
    'MACs count the multiply-accumulates of convolutions, transposed convolutions and linear layers.',
    o.convention === 'flops'
      ? 'FLOPs = 2 × MACs (a multiply and an add)' +
        (extra.length ? `, plus ${extra.join(', ')}.` : '; no other operation is counted.')
      : 'FLOPs are counted as MACs (1 per multiply-accumulate)' +
        (extra.length ? `, plus ${extra.join(', ')}.` : '; no other operation is counted.'),
    `Memory at ${o.dtype} (${DTYPE_BYTES[o.dtype]} byte${DTYPE_BYTES[o.dtype] > 1 ? 's' : ''} per element); activation memory is the sum of every layer's output map${o.inplaceActivations ? ', in-place activations and views allocating nothing' : ''}.`,
    'Parameters are weights and biases (BatchNorm running statistics are buffers, not parameters).',
  ];
}

export function buildWorksheet(a: ModelAnalysis, source: string): Worksheet {
  const t = a.totals;
  const unknown = unsupportedOps(a);
  return {
    title: a.model,
    source,
    input: a.input.join('×'),
    assumptions: assumptionsOf(a.options),
    totals: [
      { label: 'Parameters', value: formatInt(t.params), exact: t.params },
      { label: 'Trainable parameters', value: formatInt(t.trainableParams), exact: t.trainableParams },
      { label: 'MACs', value: formatInt(t.macs), exact: t.macs },
      {
        label: a.options.convention === 'flops' ? 'FLOPs' : 'FLOPs (counted as MACs)',
        value: formatInt(t.flops),
        exact: t.flops,
      },
      {
        label: `Activation memory (${a.options.dtype})`,
        value: formatBytes(t.activationBytes),
        exact: t.activationBytes,
      },
      {
        label: `Memory access (${a.options.dtype})`,
        value: formatBytes(t.memoryAccessBytes),
        exact: t.memoryAccessBytes,
      },
      { label: 'Layers', value: formatInt(a.layers.length), exact: a.layers.length },
    ],
    header: reportHeader(a.options),
    rows: reportRows(a),
    warnings: a.warnings.map((w) => `${w.layerId}: ${w.message}`),
    ...(t.complete
      ? {}
      : {
          incomplete: `Incomplete: ${unknown.map((u) => `${u.op} ×${u.count}`).join(', ')} of unknown cost; the totals are lower bounds.`,
        }),
  };
}
