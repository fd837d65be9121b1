import { operatorOf, ShapeError, type OpResult, type Rf2 } from './ops';
import type { Shape } from '../model/shape';
import type { LayerSpec } from '../model/types';

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
  const def = operatorOf(layer.op);
  if (!def) throw new ShapeError(`unknown op "${String((layer as { op: unknown }).op)}"`);
  if (def.arity === 'one' && shapes.length !== 1)
    throw new ShapeError(`${def.op} takes one input but ${shapes.length} are given`);
  return def.compute(layer, { shapes, rfs, ids, whole }, explain);
}
