import { type ModelIssue, validateModel } from '../../../core/model';
import type { ModelJson } from '../../../shared/types';
import { formatModelText, parseModelText } from '../stores/designs';

/** Why an imported file was refused, in parts the UI puts into words in the user's language. */
export type ImportProblem =
  | { kind: 'syntax'; detail: string }
  | { kind: 'not-object'; what: string }
  | { kind: 'invalid'; issues: ModelIssue[] };

export type ModelImport =
  { ok: true; model: ModelJson; name: string } | { ok: false; problem: ImportProblem };

/**
 * Checks a JSON model file completely before anything in the workspace changes: JSON syntax, then
 * the core's validation (format, fields, graph, shapes), whose problems name the layer (by code: the
 * page writes them in the UI language).
 */
export function importModelText(text: string, fileName: string): ModelImport {
  const parsed = parseModelText(text);
  if (!parsed.ok) {
    return parsed.reason === 'syntax'
      ? { ok: false, problem: { kind: 'syntax', detail: parsed.detail } }
      : { ok: false, problem: { kind: 'not-object', what: parsed.kind } };
  }
  const result = validateModel(parsed.model);
  if (!result.ok) return { ok: false, problem: { kind: 'invalid', issues: result.errors } };
  const fromModel = typeof parsed.model.name === 'string' ? parsed.model.name.trim() : '';
  const name = fromModel || fileName.replace(/\.[^.]*$/, '') || 'Imported design';
  return { ok: true, model: parsed.model, name };
}

/** A safe file name from a design name. */
export function fileNameFor(name: string, ext: string): string {
  const base =
    name
      .trim()
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'design';
  return `${base}.${ext}`;
}

/**
 * The JSON file "Design as JSON" writes: the model with the design's name as its `name`, so that
 * importing the file brings the design back under the same name (the model's own name, e.g. a zoo
 * model's "vgg16", is what the import would otherwise use). Text that is not a model goes out as it is.
 */
export function exportModelText(text: string, designName: string): string {
  const parsed = parseModelText(text);
  const name = designName.trim();
  if (!parsed.ok || !name) return text;
  return formatModelText({ ...parsed.model, name });
}
