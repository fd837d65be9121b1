import { type ModelSpec, type Shape, validateModel } from '../core';
import { type CliIO, UsageError } from './io';
import { parseJsonText } from './json-text';

/**
 * A model.json file, parsed with JSON.parse and validated by the model schema. Errors name the file
 * and the line and column (invalid JSON) or the layer (an invalid model).
 */
export async function readModelFile(path: string, io: CliIO, input?: Shape): Promise<ModelSpec> {
  const text = new TextDecoder('utf-8').decode(await io.readFile(path));
  return toModel(parseJsonText(text.replace(/^\uFEFF/, ''), path), path, input);
}

/** Validates and applies an optional input override; the error names the model and the layer. */
export function toModel(json: unknown, label: string, input?: Shape): ModelSpec {
  let value = json;
  if (input && typeof json === 'object' && json !== null && !Array.isArray(json)) value = { ...json, input };
  const v = validateModel(value);
  if (!v.ok) {
    const n = v.errors.length - 1;
    const more = n > 0 ? ` (and ${n} more problem${n > 1 ? 's' : ''})` : '';
    throw new UsageError(`${label}: ${v.errors[0].message}${more}`);
  }
  return v.model;
}
