import { evaluateModel } from '../analysis/engine';
import { type AnalysisOptions, DEFAULT_OPTIONS, type ModelAnalysis } from '../analysis/types';
import { type ErrorNote, errorNote } from '../analysis/warning-messages';
export { ModelValidationError } from './errors';
import { issueOf } from './issue';
import { zodIssueNote } from './zod-issue';
import { layerSchemas, modelEnvelopeSchema } from './schema';
import { LAYER_OPS, type LayerOp, type LayerSpec, type ModelIssue, type ModelSpec } from './types';

/**
 * A valid model (with its analysis when {@link validateModel} was asked for one), or every problem found.
 */
export type ValidationResult =
  { ok: true; model: ModelSpec; analysis?: ModelAnalysis } | { ok: false; errors: ModelIssue[] };

function pathText(prefix: string, path: readonly PropertyKey[]): string {
  let s = prefix;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
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
 *
 * With `analyse`, a valid model also comes with its analysis under those options (as
 * `analyzeModel(model, analyse)` gives it), made by the same evaluation of the graph that checked its
 * shapes: a caller that validates and then shows the analysis walks the graph once.
 */
export function validateModel(
  json: unknown,
  cache?: LayerCheckCache,
  analyse?: Partial<AnalysisOptions>,
): ValidationResult {
  const errors: ModelIssue[] = [];
  const env = modelEnvelopeSchema().safeParse(json);
  if (!env.success) {
    for (const issue of env.error.issues) {
      const text = zodIssueNote(issue, json, true);
      errors.push(issueOf(pathText('', issue.path), errorNote('model', { text })));
    }
    return { ok: false, errors };
  }
  const layers: LayerSpec[] = [];
  env.data.layers.forEach((raw, i) => {
    const path = `layers[${i}]`;
    if (!isRecord(raw)) {
      errors.push(issueOf(path, errorNote('layer-index', { index: i, text: errorNote('not-object', {}) })));
      return;
    }
    const known = cache?.get(raw);
    if (known) {
      layers.push(known);
      return;
    }
    const layerId = typeof raw.id === 'string' ? raw.id : undefined;
    /** A layer's problem: after its id, or its position when it has none. */
    const problem = (at: string, text: ErrorNote) =>
      issueOf(at, layerId ? text : errorNote('layer-index', { index: i, text }), layerId);
    const op = raw.op;
    if (typeof op !== 'string' || !(LAYER_OPS as readonly string[]).includes(op)) {
      const knownOps = LAYER_OPS.join(', ');
      errors.push(
        problem(`${path}.op`, errorNote('unknown-op', { op: String(JSON.stringify(op)), known: knownOps })),
      );
      return;
    }
    const parsed = layerSchemas[op as LayerOp].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(problem(pathText(path, issue.path), zodIssueNote(issue, raw)));
      return;
    }
    layers.push(parsed.data as LayerSpec);
    cache?.set(raw, parsed.data as LayerSpec);
  });
  if (errors.length) return { ok: false, errors };
  const model: ModelSpec = { ...(env.data as Omit<ModelSpec, 'layers'>), layers };
  const options = analyse ? { ...DEFAULT_OPTIONS, ...analyse } : DEFAULT_OPTIONS;
  const { issues, analysis } = evaluateModel(model, options, analyse !== undefined);
  if (issues.length) return { ok: false, errors: issues };
  return analysis ? { ok: true, model, analysis } : { ok: true, model };
}
