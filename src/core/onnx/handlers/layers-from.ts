import { OPERATORS } from '../../analysis/ops';
import type { LayerOp } from '../../model/types';

/**
 * The layer ops a node of `opType` can become, from the operator registry (each operator lists the
 * ONNX op types it is imported from), in the registry's order.
 */
export function layersFrom(opType: string): readonly LayerOp[] {
  return OPERATORS.filter((o) => 'from' in o.onnx && o.onnx.from.includes(opType)).map((o) => o.op);
}
