import type { LayerAnalysis, ModelAnalysis } from '../analysis/types';
import { formatBytes, formatCount, formatInt } from '../format';
import { unsupportedOps } from './json';

/**
 * C0 and C1 control characters, DEL, and the invisible direction marks and overrides (U+061C,
 * U+200E/F, U+202A–E, U+2066–9) and line/paragraph separators: a terminal would act on them (colour,
 * cursor moves, a carriage return that overwrites the line, text shown reversed) instead of showing them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Text from a model file made safe to print on a terminal, on one line: each unsafe character becomes
 * a visible escape (`\n`, `\r`, `\t`, else `\u001b`-style). "conv\u001b[2J" → "conv\u001b[2J" shown
 * literally, never clearing the screen.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type Align = 'left' | 'right';

/**
 * Renders rows as a space-padded table with a header rule. Every cell passes through
 * {@link terminalSafe} before the widths are measured, so a hostile cell can neither act on the
 * terminal nor break the columns.
 */
export function renderTable(header: string[], rows: string[][], align: Align[]): string {
  const safe = [header, ...rows].map((r) => r.map(terminalSafe));
  const widths = safe[0].map((_, i) => Math.max(...safe.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(safe[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...safe.slice(1).map(line)].join('\n');
}

/** "7/2" (RF size / jump), or "7×3/2×1" when height and width differ. */
function rfText(l: LayerAnalysis): string {
  const pair = ([h, w]: [number, number]) => (h === w ? `${h}` : `${h}×${w}`);
  return `${pair(l.rf.size)}/${pair(l.rf.jump)}`;
}

/**
 * The per-layer table with totals, for a terminal (`convscope analyze`): counts with SI suffixes,
 * bytes in IEC units, `?` for the unknown costs of unsupported layers. Every string taken from the
 * model (name, ids, operator names, warnings) is printed through {@link terminalSafe}.
 */
export function reportText(a: ModelAnalysis): string {
  const o = a.options;
  const count = (l: LayerAnalysis, v: number) =>
    l.unsupported !== undefined ? '?' : v ? formatCount(v) : '0';
  const table = renderTable(
    ['id', 'op', 'output', 'params', 'MACs', 'FLOPs', 'activation', 'RF/jump'],
    a.layers.map((l) => [
      l.id,
      l.unsupported !== undefined ? `${l.op} (${l.unsupported})` : l.op,
      l.outputShape.join('×'),
      count(l, l.params.total),
      count(l, l.macs),
      count(l, l.flops),
      formatBytes(l.activation.bytes, 'iec'),
      rfText(l),
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const t = a.totals;
  const flopsNote = o.convention === 'flops' ? 'FLOPs = 2 × MACs' : 'FLOPs = MACs (1 MAC = 1 FLOP)';
  const lines = [
    `${terminalSafe(a.model)}: input ${a.input.join('×')}, output ${a.outputShape.join('×')}, ${a.layers.length} layers, ${o.dtype}`,
    '',
    table,
    '',
    `params       ${formatInt(t.params)} (${formatCount(t.params)}), trainable ${formatInt(t.trainableParams)}, buffers ${formatInt(t.buffers)}`,
    `MACs         ${formatInt(t.macs)} (${formatCount(t.macs)}) — conv and linear only`,
    `FLOPs        ${formatInt(t.flops)} (${formatCount(t.flops)}) — ${flopsNote}`,
    `activations  ${formatInt(t.activationElements)} elements, ${formatBytes(t.activationBytes, 'iec')} (${formatBytes(t.activationBytes, 'si')})`,
    `memory       ${formatBytes(t.memoryAccessBytes, 'iec')} read + written`,
  ];
  if (!t.complete) {
    const ops = unsupportedOps(a).map((u) => `${terminalSafe(u.op)} ×${u.count}`);
    lines.push(
      `INCOMPLETE   ${t.incomplete.length === 1 ? '1 layer' : `${t.incomplete.length} layers`} of unknown cost (${ops.join(', ')}); params, MACs and FLOPs above are lower bounds`,
    );
  }
  if (a.warnings.length) {
    lines.push(
      '',
      `warnings (${a.warnings.length}):`,
      ...a.warnings.map((w) => `  [${w.kind}] ${terminalSafe(w.message)}`),
    );
  }
  return lines.join('\n');
}
