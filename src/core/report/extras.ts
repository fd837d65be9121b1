/**
 * What `convscope analyze --convention NAME` and `--training OPT --batch N` add to the report: the
 * figures under a counting convention and the training step, as JSON and as terminal text.
 */
import type { ConventionResult, NamedCount } from '../analysis/conventions';
import type { TrainingAnalysis } from '../analysis/training';
import { formatBytes, formatCount, formatInt } from '../format';
import { renderTable, terminalSafe } from './text';

/** The `convention` object of the JSON document. */
export interface ConventionJson {
  name: string;
  unit: 'MACs' | 'FLOPs';
  /** What the figures count, in words. */
  label: string;
  total: number;
  byKind: Partial<Record<string, number>>;
  /** false: some layer is not understood and `total` is a lower bound. */
  complete: boolean;
  /** Operators not understood, by name and count. */
  unsupported: NamedCount[];
  /** Operators the counter itself counts 0 and warns about (fvcore), by name and count. */
  counterUnsupported: NamedCount[];
  /** Each layer's figure, in analysis order. */
  layers: { id: string; count: number | null; rule: string }[];
}

export function conventionJson(r: ConventionResult): ConventionJson {
  const c = r.convention;
  return {
    name: c.name,
    unit: c.unit,
    label: c.label,
    total: r.total,
    byKind: r.totalByKind,
    complete: r.complete,
    unsupported: r.unsupported,
    counterUnsupported: r.counterUnsupported,
    layers: r.layers.map((l) => ({ id: l.id, count: l.unknown ? null : l.value, rule: l.rule })),
  };
}

/** The `training` object of the JSON document (bytes at the analysis dtype). */
export function trainingJson(t: TrainingAnalysis) {
  return {
    optimizer: t.optimizer,
    batch: t.batch,
    forwardMacs: t.forwardMacs,
    backwardMacs: t.backwardMacs,
    stepMacs: t.stepMacs,
    paramBytes: t.paramBytes,
    gradBytes: t.gradBytes,
    optimizerStateBytes: t.optimizerStateBytes,
    savedActivationBytes: t.savedActivationBytes,
    peakBytes: t.peakBytes,
    peakAt: t.peakAt,
    complete: t.complete,
    unsupported: t.unsupported,
    layers: t.layers,
  };
}

const names = (list: NamedCount[]) => list.map((u) => `${terminalSafe(u.name)} ×${u.count}`).join(', ');

/** The convention's per-layer figures and total, for a terminal. */
export function conventionText(r: ConventionResult): string {
  const c = r.convention;
  const rows = r.layers
    .filter((l) => l.value || l.unknown || l.counterUnsupported)
    .map((l) => [
      l.id,
      l.op,
      l.unknown ? '?' : formatInt(l.value),
      l.unknown ? `unknown (${l.unknown})` : l.rule,
    ]);
  const lines = [
    `convention   ${c.name} (${c.unit}): ${c.label}`,
    '',
    renderTable(['id', 'op', c.unit, 'rule'], rows, ['left', 'left', 'right', 'left']),
    '',
    `total        ${formatInt(r.total)} ${c.unit} (${formatCount(r.total)}), ${c.name}`,
  ];
  if (r.counterUnsupported.length)
    lines.push(`not counted  by ${c.name}, which warns: ${names(r.counterUnsupported)}`);
  if (!r.complete)
    lines.push(`INCOMPLETE   operators not understood: ${names(r.unsupported)}; the total is a lower bound`);
  return lines.join('\n');
}

/** The training step, for a terminal. */
export function trainingText(t: TrainingAnalysis): string {
  const bytes = (v: number) => `${formatBytes(v, 'iec')} (${formatInt(v)} B)`;
  const lines = [
    `training     ${t.optimizer}, batch ${t.batch}`,
    `  forward MACs   ${formatInt(t.forwardMacs)} (${formatCount(t.forwardMacs)})`,
    `  backward MACs  ${formatInt(t.backwardMacs)} (${formatCount(t.backwardMacs)}) — weight and input gradients`,
    `  step MACs      ${formatInt(t.stepMacs)} (${formatCount(t.stepMacs)})`,
    `  parameters     ${bytes(t.paramBytes)}`,
    `  gradients      ${bytes(t.gradBytes)}`,
    `  optimizer      ${bytes(t.optimizerStateBytes)}`,
    `  saved acts     ${bytes(t.savedActivationBytes)} — kept by autograd for backward`,
    `  peak           ${bytes(t.peakBytes)} — at the ${t.peakAt.phase} pass of ${terminalSafe(t.peakAt.layer)}`,
  ];
  if (!t.complete)
    lines.push(
      `  INCOMPLETE     operators not understood: ${names(t.unsupported)}; figures are lower bounds`,
    );
  return lines.join('\n');
}
