import { analyzeModel, type ModelSpec, type Shape } from '../../../core';
import { OPERATORS, operatorOf, type FieldSpec } from '../../../core/analysis/ops';
import { INPUT_ID, type LayerOp, type ModelIssue, validateModel } from '../../../core/model';
import type { ModelJson } from '../../../shared/types';

/** A layer as it sits in the model JSON: edited field by field, validated by the core afterwards. */
export type LayerJson = Record<string, unknown> & { id?: unknown; op?: unknown };

export type { FieldKind, FieldSpec } from '../../../core/analysis/ops';

/** The parameters the layer form offers per op: the registry's attributes, in its order. */
export const LAYER_FIELDS: Readonly<Record<LayerOp, readonly FieldSpec[]>> = Object.fromEntries(
  OPERATORS.map((o) => [o.op, o.fields]),
) as Record<LayerOp, readonly FieldSpec[]>;

export function layersOf(model: ModelJson): LayerJson[] {
  return Array.isArray(model.layers) ? (model.layers as LayerJson[]) : [];
}

/** The first `<prefix><n>` (n = 1, 2, …) not used by any layer. */
export function newLayerId(model: ModelJson, op: LayerOp): string {
  const prefix = operatorOf(op)?.idPrefix ?? op;
  const used = new Set(layersOf(model).map((l) => String(l.id)));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** When the model before a layer cannot be analysed, templates are made for this input. */
const FALLBACK_INPUT: Shape = [3, 32, 32];

/**
 * The shape a layer at `index` would read as its first input (`inputs[0]`, else the layer before it),
 * from the analysis of the layers before it; a fallback when those do not analyse.
 */
export function inputShapeAt(model: ModelJson, index: number, inputs?: unknown): Shape {
  const layers = layersOf(model).slice(0, index);
  const prefix = { ...model, layers };
  const v = validateModel(prefix);
  if (!v.ok) return FALLBACK_INPUT;
  const from = Array.isArray(inputs) && typeof inputs[0] === 'string' ? inputs[0] : undefined;
  if (from === INPUT_ID || (from === undefined && layers.length === 0)) return v.model.input;
  const id = from ?? String(layers[layers.length - 1].id);
  const row = analyzeModel(v.model as ModelSpec).layers.find((l) => l.id === id);
  return row?.outputShape ?? FALLBACK_INPUT;
}

/** The registry's template of `op` for a layer reading `input` (and `inputs` tensors in all). */
function templateOf(op: LayerOp, input: Shape, inputs = 1): Record<string, unknown> {
  return { ...(operatorOf(op)?.template(input, inputs) ?? {}) };
}

/** A new layer of `op` as "add layer" makes it: a free id and the op's template for what it reads. */
export function newLayer(model: ModelJson, op: LayerOp, index = layersOf(model).length): LayerJson {
  return { id: newLayerId(model, op), op, ...templateOf(op, inputShapeAt(model, index)) };
}

const withLayers = (model: ModelJson, layers: LayerJson[]): ModelJson => ({ ...model, layers });

/** Inserts a new layer of `op` at `index` (default: at the end). */
export function insertLayer(model: ModelJson, op: LayerOp, index?: number): ModelJson {
  const layers = [...layersOf(model)];
  const at = index === undefined ? layers.length : Math.max(0, Math.min(index, layers.length));
  layers.splice(at, 0, newLayer(model, op, at));
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
    const inputs = Array.isArray(layer.inputs) ? layer.inputs.length : 1;
    const fresh: LayerJson = {
      id: layer.id,
      op,
      ...templateOf(op, inputShapeAt(model, index, layer.inputs), inputs),
    };
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

/**
 * Whether two JSON values have the same text (as formatModelText and JSON.stringify write them: fields
 * in their order, undefined fields left out), without writing either. Objects an edit did not touch
 * are the same objects and compare at once.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  for (let i = 0, j = 0; ; i++, j++) {
    while (i < kx.length && x[kx[i]] === undefined) i++;
    while (j < ky.length && y[ky[j]] === undefined) j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    if (kx[i] !== ky[j] || !sameJson(x[kx[i]], y[ky[j]])) return false;
  }
}

/** The core's validation problems grouped by layer index (`null` for model-level problems). */
export function issuesByLayer(
  model: ModelJson,
  issues: readonly ModelIssue[],
): Map<number | null, ModelIssue[]> {
  const map = new Map<number | null, ModelIssue[]>();
  const ids = layersOf(model).map((l) => String(l.id));
  for (const issue of issues) {
    const fromPath = /^layers\[(\d+)\]/.exec(issue.path);
    let index: number | null = fromPath ? Number(fromPath[1]) : null;
    if (index === null && issue.layerId !== undefined) {
      const found = ids.indexOf(issue.layerId);
      index = found >= 0 ? found : null;
    }
    map.set(index, [...(map.get(index) ?? []), issue]);
  }
  return map;
}

/** An empty model to start from scratch: one input, no layers yet. */
export function scratchModel(name: string): ModelJson {
  return { format: 'convscope-model', version: 1, name, input: [3, 32, 32], layers: [] };
}
