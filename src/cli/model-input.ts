// Modules, not the core's index: the index also loads the model schema (and zod), which zoo models skip.
import { analyzeModel } from '../core/analysis/analyze';
import type { AnalysisOptions } from '../core/analysis/types';
import { ModelValidationError } from '../core/model/errors';
import type { ModelSpec, Shape } from '../core/model/types';
import { getZooModel, listZoo } from '../core/zoo';
import { type CliIO, UsageError } from './io';
import { isShareText, openShareText } from './share-input';

/**
 * The model of a `zoo:NAME`, `model.json` or share link (or code) argument, with the input shape replaced when `input` is
 * given. A zoo model is built by the core itself, so it skips the model schema (a shape that does not
 * fit an `--input` is reported by {@link analyzeLoaded}); a file goes through ./model-file (JSON.parse
 * and the model schema).
 */
export async function loadModel(arg: string, io: CliIO, input?: Shape): Promise<ModelSpec> {
  if (isShareText(arg)) {
    const { model } = await openShareText(arg);
    return input ? { ...model, input } : model;
  }
  if (!arg.startsWith('zoo:')) return (await import('./model-file')).readModelFile(arg, io, input);
  const model = getZooModel(arg.slice(4));
  if (model) return input ? { ...model, input } : model;
  const names = listZoo().map((z) => z.name);
  throw new UsageError(`unknown zoo model "${arg.slice(4)}" (available: ${names.join(', ')})`);
}

/** A design from a zoo name, a model.json or an ONNX file (the ONNX reader loads only for .onnx). */
export async function loadAnyModel(arg: string, io: CliIO, input?: Shape): Promise<ModelSpec> {
  if (/\.onnx$/i.test(arg)) return (await import('./onnx-input')).importOnnxFile(arg, io, input);
  return loadModel(arg, io, input);
}

/** analyzeModel, its validation error naming the model argument: "zoo:lenet5: layer …". */
export function analyzeLoaded(model: ModelSpec, label: string, options: Partial<AnalysisOptions>) {
  try {
    return analyzeModel(model, options);
  } catch (error) {
    if (error instanceof ModelValidationError) throw new UsageError(`${label}: ${error.message}`);
    throw error;
  }
}
