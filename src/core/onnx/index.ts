/**
 * ONNX import: read a `.onnx` file (bytes or a random-access source), convert it to the ConvScope
 * model format, and analyse it. Pure TypeScript: the CLI, the main process and the renderer share it.
 */
import { errorNote } from '../analysis/warning-messages';
import { analyzeModel } from '../analysis/analyze';
import type { AnalysisOptions, ModelAnalysis } from '../analysis/types';
import { note, warningLine } from '../analysis/warning-messages';
import { type ConvertOptions, convertOnnx, type OnnxImport } from './convert';
import { OnnxImportError } from './errors';
import { ModelValidationError } from '../model/errors';
import { readOnnx, type ReadOptions } from './read';
import type { ByteSource } from './source';

export {
  convertOnnx,
  type ConvertOptions,
  type FoldedBatchNorm,
  type LeftOutCause,
  type LeftOutGroup,
  type NodeRef,
  type OnnxImport,
  type OpCount,
  type SkippedNode,
} from './convert';
export { ONNX_HANDLERS, type OnnxHandler } from './handlers';
export { OnnxImportError, type OnnxErrorCode } from './errors';
export {
  readOnnx,
  tensorValues,
  DATA_TYPES,
  type OnnxModelInfo,
  type NodeInfo,
  type TensorInfo,
  type ValueInfo,
  type AttrValue,
  type ReadOptions,
} from './read';
export { memorySource, chunkedSource, type ByteSource } from './source';

export interface OnnxOptions extends ConvertOptions, ReadOptions {
  analysis?: Partial<AnalysisOptions>;
}

/** Reads and converts an ONNX file; every failure is an {@link OnnxImportError} with one clear message. */
export function importOnnx(input: Uint8Array | ByteSource, options: OnnxOptions = {}): OnnxImport {
  try {
    return convertOnnx(readOnnx(input, options), options);
  } catch (e) {
    throw asImportError(e);
  }
}

/**
 * Reads, converts and analyses an ONNX file. Unsupported operators become `unsupported` layers (the
 * analysis warns and sets `totals.complete` false); nodes left out of the model add one more
 * `unsupported` warning and also make the totals incomplete.
 */
export function analyzeOnnx(
  input: Uint8Array | ByteSource,
  options: OnnxOptions = {},
): { imported: OnnxImport; analysis: ModelAnalysis } {
  const imported = importOnnx(input, options);
  let analysis: ModelAnalysis;
  try {
    analysis = analyzeModel(imported.model, options.analysis);
  } catch (e) {
    throw asImportError(e);
  }
  // Unsupported layers carry their own warning and mark the totals; nodes left out must be added here.
  if (imported.skipped.length) {
    analysis.totals.complete = false;
    const first = imported.skipped[0];
    const count = imported.skipped.length;
    const n =
      count === 1
        ? note('onnx-skipped-one', { op: first.op, node: first.node, reason: first.reason })
        : note('onnx-skipped', { count, op: first.op, node: first.node, reason: first.reason });
    const w = { layerId: first.node, kind: 'unsupported' as const, ...n };
    analysis.warnings.push({ ...w, message: warningLine(w) });
  }
  return { imported, analysis };
}

function asImportError(e: unknown): OnnxImportError {
  if (e instanceof OnnxImportError) return e;
  if (e instanceof RangeError)
    return new OnnxImportError('malformed', errorNote('onnx-invalid', { detail: e.message }));
  const msg = e instanceof Error ? e.message : String(e);
  const issue = e instanceof ModelValidationError ? e.issues[0] : undefined;
  return new OnnxImportError(
    'graph',
    errorNote('onnx-not-analysed', { text: issue?.note ?? msg }),
    issue && { stage: 'analysed', issue },
  );
}
