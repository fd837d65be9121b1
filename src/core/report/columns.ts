import type { AnalysisOptions, LayerAnalysis, ModelAnalysis } from '../analysis/types';

/** One cell of a report row: an exact number, a string, or '' (empty: not applicable or unknown). */
export type ReportCell = string | number;

/**
 * One column of the per-layer report. The list below is the only definition of the report's columns:
 * the CSV of `convscope analyze --csv` and of the Designs page's "per-layer table as CSV" are written
 * from it, in this order, with these headers (units after the name) and these values.
 */
export interface ReportColumn {
  /** Header text; units follow the name (`activation_bytes_fp32`: bytes at the analysis' dtype). */
  header(options: AnalysisOptions): string;
  /** The layer's value: integers exact, ratios to 6 significant digits. */
  layer(l: LayerAnalysis): ReportCell;
  /** The value on the totals row ('' when a column has no model-wide total). */
  total(a: ModelAnalysis): ReportCell;
}

/** x rounded to 6 significant digits (the report's one rule for non-integers): 12.345678 → 12.3457. */
export function round6(x: number): number {
  return Number(x.toPrecision(6));
}

/** [64, 56, 56] → "64x56x56" (ASCII x, so spreadsheets read it as text in any locale). */
export function shapeText(shape: readonly number[]): string {
  return shape.join('x');
}

/** A cost that is unknown on `unsupported` layers: '' there, never a 0 that would read as "free". */
const cost =
  (get: (l: LayerAnalysis) => number) =>
  (l: LayerAnalysis): ReportCell =>
    l.unsupported !== undefined ? '' : get(l);

const fixed = (name: string) => () => name;
const none = () => '';

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { header: fixed('id'), layer: (l) => l.id, total: fixed('total') },
  { header: fixed('op'), layer: (l) => l.op, total: none },
  {
    header: fixed('output_shape'),
    layer: (l) => shapeText(l.outputShape),
    total: (a) => shapeText(a.outputShape),
  },
  { header: fixed('params'), layer: cost((l) => l.params.total), total: (a) => a.totals.params },
  { header: fixed('macs'), layer: cost((l) => l.macs), total: (a) => a.totals.macs },
  // FLOPs follow the convention: flops_flops = 2 × MACs (+ toggled element ops), flops_macs = 1 per MAC.
  { header: (o) => `flops_${o.convention}`, layer: cost((l) => l.flops), total: (a) => a.totals.flops },
  {
    header: fixed('trainable_params'),
    layer: cost((l) => l.params.trainable),
    total: (a) => a.totals.trainableParams,
  },
  {
    header: fixed('activation_elements'),
    layer: (l) => l.activation.elements,
    total: (a) => a.totals.activationElements,
  },
  {
    header: (o) => `activation_bytes_${o.dtype}`,
    layer: (l) => l.activation.bytes,
    total: (a) => a.totals.activationBytes,
  },
  {
    header: (o) => `memory_access_bytes_${o.dtype}`,
    layer: (l) => l.memoryAccess.totalBytes,
    total: (a) => a.totals.memoryAccessBytes,
  },
  {
    header: fixed('arithmetic_intensity_flops_per_byte'),
    layer: cost((l) => round6(l.arithmeticIntensity)),
    total: none,
  },
  { header: fixed('rf_size_h'), layer: (l) => l.rf.size[0], total: none },
  { header: fixed('rf_size_w'), layer: (l) => l.rf.size[1], total: none },
  { header: fixed('rf_jump_h'), layer: (l) => l.rf.jump[0], total: none },
  { header: fixed('rf_jump_w'), layer: (l) => l.rf.jump[1], total: none },
  { header: fixed('rf_padding_h'), layer: (l) => l.rf.padding[0], total: none },
  { header: fixed('rf_padding_w'), layer: (l) => l.rf.padding[1], total: none },
  { header: fixed('inputs'), layer: (l) => l.inputs.join(' '), total: none },
  { header: fixed('unsupported'), layer: (l) => l.unsupported ?? '', total: none },
];

/** The header row for an analysis' options. */
export function reportHeader(options: AnalysisOptions): string[] {
  return REPORT_COLUMNS.map((c) => c.header(options));
}

/**
 * The per-layer table: one row per layer (analysis order), then the totals row (id `total`). Params,
 * MACs and FLOPs of the totals are lower bounds when `a.totals.complete` is false.
 */
export function reportRows(a: ModelAnalysis): ReportCell[][] {
  const rows = a.layers.map((l) => REPORT_COLUMNS.map((c) => c.layer(l)));
  rows.push(REPORT_COLUMNS.map((c) => c.total(a)));
  return rows;
}
