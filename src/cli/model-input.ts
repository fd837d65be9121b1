import { getZooModel, listZoo, type ModelSpec, type Shape, validateModel } from '../core';
import { type CliIO, UsageError } from './io';
import { parseJsonText } from './json-text';

/**
 * The model of a `zoo:NAME` or `model.json` argument, validated by the model schema, with the input
 * shape replaced when `input` is given. Errors name the file and the line and column (invalid JSON)
 * or the layer (an invalid model).
 */
export async function loadModel(arg: string, io: CliIO, input?: Shape): Promise<ModelSpec> {
  return toModel(await readModelJson(arg, io), arg, input);
}

async function readModelJson(arg: string, io: CliIO): Promise<unknown> {
  if (arg.startsWith('zoo:')) {
    const model = getZooModel(arg.slice(4));
    if (model) return model;
    const names = listZoo().map((z) => z.name);
    throw new UsageError(`unknown zoo model "${arg.slice(4)}" (available: ${names.join(', ')})`);
  }
  const text = new TextDecoder('utf-8').decode(await io.readFile(arg));
  return parseJsonText(text.replace(/^\uFEFF/, ''), arg);
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
