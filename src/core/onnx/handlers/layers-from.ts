import { OPERATORS } from '../../analysis/ops';
import { errorNote, type ErrorNote } from '../../analysis/warning-messages';
import type { LayerOp } from '../../model/types';

/**
 * The layer ops a node of `opType` can become, from the operator registry (each operator lists the
 * ONNX op types it is imported from), in the registry's order.
 */
export function layersFrom(opType: string): readonly LayerOp[] {
  return OPERATORS.filter((o) => 'from' in o.onnx && o.onnx.from.includes(opType)).map((o) => o.op);
}

/**
 * Input `index` (from 0) of a node of `opType` as messages name it: its role and its ONNX name, from
 * the registry's `onnx.inputs` ("weight W", 权重（W）); its position from 1 when no entry lists it.
 */
export function inputNote(opType: string, index: number): ErrorNote {
  for (const o of OPERATORS) {
    const input = 'from' in o.onnx ? o.onnx.inputs?.[opType]?.[index] : undefined;
    if (input)
      return errorNote('onnx-input', { role: errorNote(`onnx-role-${input[1]}`, {}), name: input[0] });
  }
  return errorNote('onnx-input-at', { index: index + 1 });
}
