/** The registry as data: what `convscope ops --json` prints and what the docs and tests can list. */
import type { Shape } from '../../model/shape';
import { OPERATORS } from './index';
import type { FieldKind, OpFamily } from './types';

/** The value type of each field kind, in words. */
export const FIELD_TYPES: Readonly<Record<FieldKind, string>> = {
  int: 'integer',
  number: 'number',
  bool: 'boolean',
  enum: 'one of the options',
  intOrPair: 'integer or [h, w]',
  numberOrPair: 'number or [h, w]',
  padding: 'integer, [h, w], "same" or "valid"',
  padding4: 'integer, [h, w] or [top, bottom, left, right]',
  text: 'string',
  shape: '[C, H, W], [T, D] or [N]',
};

export interface AttributeInfo {
  name: string;
  type: string;
  required: boolean;
  /** The value used when absent (absent for required attributes). */
  default?: number | boolean | string;
  range?: string;
  unit?: string;
  options?: readonly string[];
}

export interface OperatorInfo {
  op: string;
  family: OpFamily;
  summary: string;
  /** "one" input, or "many" (one or more). */
  inputs: 'one' | 'many';
  /** The input ranks it reads: "map" ([C, H, W]), "vector" ([N]) or "any". */
  accepts: 'map' | 'vector' | 'sequence' | 'any';
  attributes: AttributeInfo[];
  /**
   * The layer "add layer" makes after a [3, 32, 32] input (a [32] vector for vector-only ops, the
   * map's 1024 tokens of 3 features for sequence ops).
   */
  template: Record<string, unknown>;
  /** ONNX op types imported as this operator, or why there are none. */
  onnx: { from: readonly string[] } | { none: string };
}

/**
 * The input a sample layer of an op is made for: `map` (or any op) gets the map, a vector op a [32]
 * vector, a sequence op the map's pixels as tokens ([H·W, C]).
 */
export function sampleInput(accepts: OperatorInfo['accepts'], map: [number, number, number]): Shape {
  if (accepts === 'vector') return [32];
  if (accepts === 'sequence') return [map[1] * map[2], map[0]];
  return map;
}

/** Every operator with its attributes and template, in the registry's order. */
export function operatorCatalog(): OperatorInfo[] {
  return OPERATORS.map((o) => {
    const input = sampleInput(o.accepts, [3, 32, 32]);
    return {
      op: o.op,
      family: o.family,
      summary: o.summary,
      inputs: o.arity,
      accepts: o.accepts,
      attributes: o.fields.map((f) => ({
        name: f.key,
        type: FIELD_TYPES[f.kind],
        required: f.required,
        ...(f.default !== undefined ? { default: f.default } : {}),
        ...(f.range !== undefined ? { range: f.range } : {}),
        ...(f.unit !== undefined ? { unit: f.unit } : {}),
        ...(f.options !== undefined ? { options: f.options } : {}),
      })),
      template: { id: `${o.idPrefix}1`, op: o.op, ...o.template(input, 1) },
      onnx: 'none' in o.onnx ? { none: o.onnx.none } : { from: o.onnx.from },
    };
  });
}
