import type { ModelAnalysis } from '../../../core/analysis';

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The per-layer table as CSV, exact integers (no K/M suffixes), units in the header. The FLOPs
 * column follows the analysis' convention, which the header names.
 */
export function analysisCsv(analysis: ModelAnalysis): string {
  const { convention, dtype } = analysis.options;
  const header = [
    'id',
    'op',
    'output_shape',
    'params',
    'macs',
    `flops_${convention}`,
    `activation_bytes_${dtype}`,
    `memory_access_bytes_${dtype}`,
    'arithmetic_intensity_flops_per_byte',
    'rf_size_h',
    'rf_size_w',
    'rf_jump_h',
    'rf_jump_w',
  ];
  const rows = analysis.layers.map((l) =>
    [
      l.id,
      l.op,
      l.outputShape.join('x'),
      l.params.total,
      l.macs,
      l.flops,
      l.activation.bytes,
      l.memoryAccess.totalBytes,
      l.arithmeticIntensity,
      l.rf.size[0],
      l.rf.size[1],
      l.rf.jump[0],
      l.rf.jump[1],
    ].map(field),
  );
  const t = analysis.totals;
  rows.push(
    [
      'total',
      '',
      analysis.outputShape.join('x'),
      t.params,
      t.macs,
      t.flops,
      t.activationBytes,
      t.memoryAccessBytes,
      '',
      '',
      '',
      '',
      '',
    ].map(field),
  );
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}
