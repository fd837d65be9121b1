import type { ModelAnalysis, WarningKind } from '../analysis/types';
import { macsByKind as macsOfKinds } from '../analysis/counting';
import type { ModelSpec, Shape } from '../model/types';

/** One layer of {@link AnalysisJson}. */
export interface LayerJson {
  id: string;
  op: string;
  inputs: string[];
  outputShape: Shape;
  params: number;
  macs: number;
  flops: number;
  activationBytes: number;
  rf: { size: [number, number]; jump: [number, number]; padding: [number, number] };
  /** Only on layers of unknown cost: the operator's name. */
  unsupported?: string;
}

/** An operator of unknown cost and how many layers use it. */
export interface OpCount {
  op: string;
  count: number;
}

/**
 * The document of `convscope analyze --json` (README, "Command line"). Keys appear in this order;
 * `complete` and `unsupported` only when some layer's cost is unknown.
 */
export interface AnalysisJson {
  model: string;
  input: Shape;
  totals: {
    params: number;
    trainableParams: number;
    macs: number;
    flops: number;
    activationElements: number;
    activationBytes: number;
    memoryAccessBytes: number;
    /** MACs by product kind (conv, convTranspose, linear, matmul, recurrent); they add up to `macs`. */
    macsByKind?: Record<string, number>;
  };
  layers: LayerJson[];
  warnings: { layerId: string; kind: WarningKind; message: string }[];
  complete?: boolean;
  unsupported?: OpCount[];
}

/** Unsupported operators of the analysed model by name, with counts (most frequent first, then by name). */
export function unsupportedOps(a: ModelAnalysis): OpCount[] {
  const counts = new Map<string, number>();
  for (const l of a.layers)
    if (l.unsupported !== undefined) counts.set(l.unsupported, (counts.get(l.unsupported) ?? 0) + 1);
  return [...counts]
    .map(([op, count]) => ({ op, count }))
    .sort((x, y) => y.count - x.count || x.op.localeCompare(y.op));
}

/**
 * The analysis as the documented JSON document (integers as JSON numbers); with the model it was
 * made from, `totals.macsByKind` too.
 */
export function reportJson(a: ModelAnalysis, model?: ModelSpec): AnalysisJson {
  const macsByKind = model ? macsOfKinds(model, a) : undefined;
  const t = a.totals;
  const doc: AnalysisJson = {
    model: a.model,
    input: a.input,
    totals: {
      params: t.params,
      trainableParams: t.trainableParams,
      macs: t.macs,
      flops: t.flops,
      activationElements: t.activationElements,
      activationBytes: t.activationBytes,
      memoryAccessBytes: t.memoryAccessBytes,
      ...(macsByKind ? { macsByKind } : {}),
    },
    layers: a.layers.map((l) => ({
      id: l.id,
      op: l.op,
      inputs: l.inputs,
      outputShape: l.outputShape,
      params: l.params.total,
      macs: l.macs,
      flops: l.flops,
      activationBytes: l.activation.bytes,
      rf: { size: l.rf.size, jump: l.rf.jump, padding: l.rf.padding },
      ...(l.unsupported !== undefined ? { unsupported: l.unsupported } : {}),
    })),
    warnings: a.warnings.map((w) => ({ layerId: w.layerId, kind: w.kind, message: w.message })),
  };
  if (!t.complete) {
    doc.complete = false;
    doc.unsupported = unsupportedOps(a);
  }
  return doc;
}

/** Characters JSON.stringify leaves raw that a terminal would act on: DEL, C1 controls, direction marks. */
const RAW_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A JSON document as text (2-space indent) that is safe to print on a terminal: on top of the C0
 * controls JSON.stringify escapes, DEL, C1 controls and direction marks become `\u` escapes too. Only
 * the spelling changes: JSON.parse gives back the same values.
 */
export function jsonText(doc: unknown): string {
  return JSON.stringify(doc, null, 2).replace(
    RAW_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
