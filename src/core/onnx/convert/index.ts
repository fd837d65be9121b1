/**
 * ONNX graph → ConvScope model: the driver walks the graph with the handler table; this module checks
 * the versions, validates the model and assembles the {@link OnnxImport}.
 */
import { errorNote } from '../../analysis/warning-messages';
import { MODEL_FORMAT, MODEL_VERSION, type ModelSpec, type Shape } from '../../model/types';
import { validateModel } from '../../model/validate';
import { numText } from '../attrs';
import { modelShape } from '../dims';
import { OnnxImportError } from '../errors';
import { type OnnxModelInfo, tensorElements } from '../read';
import { Conversion } from './driver';
import { foldedBatchNorm, leftOutGroups } from './explain';
import { opKey } from './placeholder';
import type { ConvertOptions, OnnxImport, OpCount } from './types';

export * from './types';

/** Counts as a list, most frequent first, then by name. */
function countList(m: Map<string, number>): OpCount[] {
  return [...m]
    .map(([op, count]) => ({ op, count }))
    .sort((a, b) => b.count - a.count || a.op.localeCompare(b.op));
}

/** Converts a read ONNX model into the ConvScope model format, listing what it could not express. */
export function convertOnnx(info: OnnxModelInfo, options: ConvertOptions = {}): OnnxImport {
  const def = info.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx');
  if (!def) throw new OnnxImportError('version', errorNote('onnx-no-opset', {}));
  const opset = def.version;
  if (opset < 7 || opset > 21) {
    throw new OnnxImportError('version', errorNote('onnx-opset', { opset: numText(opset) }));
  }
  const conv = new Conversion(info, opset, options);
  conv.run();
  const model: ModelSpec = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: options.name ?? (info.graphName || 'onnx_model'),
    input: modelShape(conv.inputDims) as Shape,
    layers: conv.layers,
    description: `Imported from ONNX (${info.producerName || 'unknown producer'}${info.producerVersion ? ` ${info.producerVersion}` : ''}, opset ${opset}).`,
  };
  const checked = validateModel(model);
  if (!checked.ok) {
    const issue = checked.errors[0];
    throw new OnnxImportError(
      'graph',
      errorNote('onnx-inconsistent', { text: issue.note ?? issue.message }),
      {
        stage: 'converted',
        issue,
      },
    );
  }
  const ops = new Map<string, number>();
  for (const n of info.nodes) ops.set(opKey(n), (ops.get(opKey(n)) ?? 0) + 1);
  let params = 0;
  let buffers = 0;
  for (const [t, kind] of conv.paramTensors) {
    if (kind === 'param') params += tensorElements(t.dims);
    else buffers += tensorElements(t.dims);
  }
  return {
    model,
    source: {
      irVersion: info.irVersion,
      opset,
      producer: `${info.producerName} ${info.producerVersion}`.trim(),
      graphName: info.graphName,
      nodes: info.nodes.length,
      initializers: info.initializers.length,
      fileBytes: info.fileBytes,
      weightBytes: info.initializers.reduce((s, t) => s + t.dataBytes, 0),
      externalData: info.initializers.some((t) => t.external),
    },
    ops: countList(ops),
    unsupported: countList(conv.unsupported),
    unsupportedLayers: conv.unsupportedLayers,
    skipped: conv.skipped,
    leftOut: leftOutGroups(conv.skipped, conv.causes),
    complete: conv.unsupported.size === 0 && conv.skipped.length === 0,
    params: { total: params, buffers },
    foldedBatchNorm: foldedBatchNorm(info, (t) => conv.paramTensors.get(t) === 'param'),
    notes: [...conv.notes],
  };
}
