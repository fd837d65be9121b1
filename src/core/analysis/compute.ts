import {
  OPERATORS,
  operatorNumber,
  shapeError,
  type AnyOperator,
  type OpInputs,
  type OpResult,
  type Rf2,
} from './ops';
import type { Shape } from '../model/shape';
import type { LayerSpec } from '../model/types';

/** The registry entry of a layer's op; throws ShapeError for an unknown op. */
export function operatorFor(layer: LayerSpec): AnyOperator {
  return OPERATORS[operatorNumberFor(layer)] as AnyOperator;
}

/** The position of a layer's op in the registry (`OPERATORS`); throws ShapeError for an unknown op. */
export function operatorNumberFor(layer: LayerSpec): number {
  const k = operatorNumber(layer.op);
  if (k < 0) throw shapeError('unknown-op-short', { op: String((layer as { op: unknown }).op) });
  return k;
}

/**
 * Evaluates one layer through its registry entry `def`; with `explain`, also prepares its formula
 * traces (skipped on the hot path). Throws ShapeError for a layer that does not fit.
 */
export function computeWith(def: AnyOperator, layer: LayerSpec, input: OpInputs, explain: boolean): OpResult {
  if (def.arity === 'one' && input.shapes.length !== 1)
    throw shapeError('one-input-only', { op: def.op, count: input.shapes.length });
  return def.compute(layer, input, explain);
}

/**
 * Evaluates one layer through its registry entry; with `explain`, also prepares its formula traces
 * (skipped on the hot path). Throws ShapeError for an unknown op or a layer that does not fit.
 */
export function computeLayer(
  layer: LayerSpec,
  shapes: Shape[],
  rfs: Rf2[],
  ids: string[],
  explain = false,
  whole?: Rf2,
): OpResult {
  return computeWith(operatorFor(layer), layer, { shapes, rfs, ids, whole }, explain);
}
