import type { z } from 'zod';
import { evaluateModel } from '../analysis/engine';
import { DEFAULT_OPTIONS } from '../analysis/types';
export { ModelValidationError } from './errors';
import { layerSchemas, modelEnvelopeSchema } from './schema';
import { LAYER_OPS, type LayerOp, type LayerSpec, type ModelIssue, type ModelSpec } from './types';

export type ValidationResult = { ok: true; model: ModelSpec } | { ok: false; errors: ModelIssue[] };

function pathText(prefix: string, path: readonly PropertyKey[]): string {
  let s = prefix;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const field = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  if (issue.code === 'invalid_union') return `${field}invalid value`;
  return `${field}${issue.message}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Layers already checked, by their JSON object: for a caller that never changes a layer object after
 * it was validated (an editor that copies the layers it edits), so that only new layers are parsed.
 */
export type LayerCheckCache = WeakMap<object, LayerSpec>;

/**
 * Checks a parsed JSON value against the model format: schema (fields and types per op), graph
 * (unknown inputs, duplicate ids, cycles) and shapes (kernel larger than the padded input, channels
 * and groups, mismatches at add/concat, sizes beyond 2^53). Every message names the layer. With
 * `cache`, a layer object checked before is not parsed again (see {@link LayerCheckCache}).
 */
export function validateModel(json: unknown, cache?: LayerCheckCache): ValidationResult {
  const errors: ModelIssue[] = [];
  const env = modelEnvelopeSchema().safeParse(json);
  if (!env.success) {
    for (const issue of env.error.issues) {
      errors.push({ path: pathText('', issue.path), message: `model: ${describe(issue)}` });
    }
    return { ok: false, errors };
  }
  const layers: LayerSpec[] = [];
  env.data.layers.forEach((raw, i) => {
    const path = `layers[${i}]`;
    if (!isRecord(raw)) {
      errors.push({ path, message: `layer ${i}: must be an object` });
      return;
    }
    const known = cache?.get(raw);
    if (known) {
      layers.push(known);
      return;
    }
    const name = typeof raw.id === 'string' && raw.id ? `layer "${raw.id}"` : `layer ${i}`;
    const layerId = typeof raw.id === 'string' ? raw.id : undefined;
    const op = raw.op;
    if (typeof op !== 'string' || !(LAYER_OPS as readonly string[]).includes(op)) {
      errors.push({
        layerId,
        path: `${path}.op`,
        message: `${name}: unknown op ${JSON.stringify(op)} (known: ${LAYER_OPS.join(', ')})`,
      });
      return;
    }
    const parsed = layerSchemas[op as LayerOp].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ layerId, path: pathText(path, issue.path), message: `${name}: ${describe(issue)}` });
      }
      return;
    }
    layers.push(parsed.data as LayerSpec);
    cache?.set(raw, parsed.data as LayerSpec);
  });
  if (errors.length) return { ok: false, errors };
  const model: ModelSpec = { ...(env.data as Omit<ModelSpec, 'layers'>), layers };
  const { issues } = evaluateModel(model, DEFAULT_OPTIONS, false);
  if (issues.length) return { ok: false, errors: issues };
  return { ok: true, model };
}
