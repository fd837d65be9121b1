import { LAYER_OPS, type LayerOp, type ModelIssue } from '../../../core/model';
import type { ModelJson } from '../../../shared/types';

/** A layer as it sits in the model JSON: edited field by field, validated by the core afterwards. */
export type LayerJson = Record<string, unknown> & { id?: unknown; op?: unknown };

export type FieldKind = 'int' | 'intOrPair' | 'padding' | 'bool' | 'number' | 'enum' | 'padding4';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  /** Must be present (the core refuses the layer otherwise). */
  required?: boolean;
  options?: readonly string[];
}

const conv: FieldSpec[] = [
  { key: 'out_channels', kind: 'int', required: true },
  { key: 'kernel', kind: 'intOrPair', required: true },
  { key: 'stride', kind: 'intOrPair' },
  { key: 'padding', kind: 'padding' },
  { key: 'dilation', kind: 'intOrPair' },
  { key: 'groups', kind: 'int' },
  { key: 'bias', kind: 'bool' },
];
const pool = (withDilation: boolean): FieldSpec[] => [
  { key: 'kernel', kind: 'intOrPair', required: true },
  { key: 'stride', kind: 'intOrPair' },
  { key: 'padding', kind: 'padding' },
  ...(withDilation ? [{ key: 'dilation', kind: 'intOrPair' as const }] : []),
  { key: 'ceil_mode', kind: 'bool' },
];

/** The parameters the layer form offers per op (the same fields the core's schema accepts). */
export const LAYER_FIELDS: Record<LayerOp, FieldSpec[]> = Object.fromEntries(
  LAYER_OPS.map((op) => [op, [] as FieldSpec[]]),
) as Record<LayerOp, FieldSpec[]>;
Object.assign(LAYER_FIELDS, {
  conv2d: conv,
  conv_transpose2d: [
    ...conv.filter((f) => f.key !== 'padding'),
    { key: 'padding', kind: 'intOrPair' },
    { key: 'output_padding', kind: 'intOrPair' },
  ],
  maxpool2d: pool(true),
  avgpool2d: pool(false),
  adaptive_avgpool2d: [{ key: 'output_size', kind: 'intOrPair', required: true }],
  linear: [
    { key: 'out_features', kind: 'int', required: true },
    { key: 'bias', kind: 'bool' },
  ],
  batchnorm: [
    { key: 'affine', kind: 'bool' },
    { key: 'track_running_stats', kind: 'bool' },
  ],
  layernorm: [{ key: 'elementwise_affine', kind: 'bool' }],
  dropout: [{ key: 'p', kind: 'number' }],
  leaky_relu: [{ key: 'negative_slope', kind: 'number' }],
  elu: [{ key: 'alpha', kind: 'number' }],
  upsample: [
    { key: 'scale', kind: 'number' },
    { key: 'size', kind: 'intOrPair' },
    { key: 'mode', kind: 'enum', options: ['nearest', 'bilinear'] },
  ],
  pad: [
    { key: 'padding', kind: 'padding4', required: true },
    { key: 'mode', kind: 'enum', options: ['constant', 'reflect', 'replicate'] },
  ],
} satisfies Partial<Record<LayerOp, FieldSpec[]>>);

/** What a freshly added layer of each op starts with: the required fields at common values. */
const TEMPLATES: Partial<Record<LayerOp, Record<string, unknown>>> = {
  conv2d: { out_channels: 16, kernel: 3, padding: 1 },
  conv_transpose2d: { out_channels: 16, kernel: 2, stride: 2 },
  maxpool2d: { kernel: 2 },
  avgpool2d: { kernel: 2 },
  adaptive_avgpool2d: { output_size: 1 },
  linear: { out_features: 10 },
  upsample: { scale: 2 },
  pad: { padding: 1 },
};

const ID_PREFIX: Partial<Record<LayerOp, string>> = {
  conv2d: 'conv',
  conv_transpose2d: 'deconv',
  maxpool2d: 'pool',
  avgpool2d: 'pool',
  adaptive_avgpool2d: 'pool',
  global_avgpool: 'gap',
  linear: 'fc',
  batchnorm: 'bn',
  layernorm: 'ln',
};

export function layersOf(model: ModelJson): LayerJson[] {
  return Array.isArray(model.layers) ? (model.layers as LayerJson[]) : [];
}

/** The first `<prefix><n>` (n = 1, 2, …) not used by any layer. */
export function newLayerId(model: ModelJson, op: LayerOp): string {
  const prefix = ID_PREFIX[op] ?? op;
  const used = new Set(layersOf(model).map((l) => String(l.id)));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newLayer(model: ModelJson, op: LayerOp): LayerJson {
  return { id: newLayerId(model, op), op, ...(TEMPLATES[op] ?? {}) };
}

const withLayers = (model: ModelJson, layers: LayerJson[]): ModelJson => ({ ...model, layers });

/** Inserts a new layer of `op` at `index` (default: at the end). */
export function insertLayer(model: ModelJson, op: LayerOp, index?: number): ModelJson {
  const layers = [...layersOf(model)];
  const at = index === undefined ? layers.length : Math.max(0, Math.min(index, layers.length));
  layers.splice(at, 0, newLayer(model, op));
  return withLayers(model, layers);
}

/**
 * Removes a layer. Layers that named it as an input read what it read instead, so that deleting one
 * layer of a chain does not break the graph.
 */
export function removeLayer(model: ModelJson, index: number): ModelJson {
  const layers = layersOf(model);
  const removed = layers[index];
  if (!removed) return model;
  const id = String(removed.id);
  const replacement = Array.isArray(removed.inputs)
    ? (removed.inputs as string[])
    : index > 0
      ? [String(layers[index - 1].id)]
      : ['input'];
  const rest = layers
    .filter((_, i) => i !== index)
    .map((l) =>
      Array.isArray(l.inputs) && (l.inputs as unknown[]).includes(id)
        ? { ...l, inputs: (l.inputs as string[]).flatMap((x) => (x === id ? replacement : [x])) }
        : l,
    );
  return withLayers(model, rest);
}

/** Moves a layer from one position to another (the list order is the implicit chain). */
export function moveLayer(model: ModelJson, from: number, to: number): ModelJson {
  const layers = [...layersOf(model)];
  if (from < 0 || from >= layers.length || to < 0 || to >= layers.length || from === to) return model;
  const [layer] = layers.splice(from, 1);
  layers.splice(to, 0, layer);
  return withLayers(model, layers);
}

/**
 * Sets (or, with undefined, removes) one field of a layer. Renaming a layer's id renames the
 * references to it, so that the graph stays connected.
 */
export function setLayerField(model: ModelJson, index: number, key: string, value: unknown): ModelJson {
  const layers = layersOf(model);
  const layer = layers[index];
  if (!layer) return model;
  const next: LayerJson = { ...layer };
  if (value === undefined || value === null || value === '') delete next[key];
  else next[key] = value;
  if (key === 'op') {
    // A new op keeps id and inputs only: fields of the old op would be refused by the new op's schema.
    const op = value as LayerOp;
    const fresh: LayerJson = { id: layer.id, op, ...(TEMPLATES[op] ?? {}) };
    if (layer.inputs !== undefined) fresh.inputs = layer.inputs;
    return withLayers(
      model,
      layers.map((l, i) => (i === index ? fresh : l)),
    );
  }
  const oldId = String(layer.id);
  return withLayers(
    model,
    layers.map((l, i) => {
      if (i === index) return next;
      if (key === 'id' && Array.isArray(l.inputs) && (l.inputs as unknown[]).includes(oldId)) {
        return { ...l, inputs: (l.inputs as string[]).map((x) => (x === oldId ? String(value) : x)) };
      }
      return l;
    }),
  );
}

export function setInputShape(model: ModelJson, shape: number[]): ModelJson {
  return { ...model, input: shape };
}

/** The core's validation messages grouped by layer index (`null` for model-level problems). */
export function issuesByLayer(model: ModelJson, issues: readonly ModelIssue[]): Map<number | null, string[]> {
  const map = new Map<number | null, string[]>();
  const ids = layersOf(model).map((l) => String(l.id));
  for (const issue of issues) {
    const fromPath = /^layers\[(\d+)\]/.exec(issue.path);
    let index: number | null = fromPath ? Number(fromPath[1]) : null;
    if (index === null && issue.layerId !== undefined) {
      const found = ids.indexOf(issue.layerId);
      index = found >= 0 ? found : null;
    }
    map.set(index, [...(map.get(index) ?? []), issue.message]);
  }
  return map;
}

/** An empty model to start from scratch: one input, no layers yet. */
export function scratchModel(name: string): ModelJson {
  return { format: 'convscope-model', version: 1, name, input: [3, 32, 32], layers: [] };
}
