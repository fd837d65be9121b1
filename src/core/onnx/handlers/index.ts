/**
 * The ONNX handler table: one handler per ONNX op type of the default domain, grouped by family
 * (one file each). An op type without a handler is an unsupported operator. docs/onnx.md lists this
 * table (checked by a test).
 */
import { ACTIVATION_HANDLERS } from './activation';
import { CONV_HANDLERS } from './conv';
import { ELEMENTWISE_HANDLERS } from './elementwise';
import { LINEAR_HANDLERS } from './linear';
import { MATH_HANDLERS } from './math';
import { NORM_HANDLERS } from './norm';
import { POOL_HANDLERS } from './pool';
import { RECURRENT_HANDLERS } from './recurrent';
import { REDUCE_HANDLERS } from './reduce';
import { RESIZE_HANDLERS } from './resize';
import { SHAPE_HANDLERS } from './shape';
import { STRUCTURAL_HANDLERS } from './structural';
import type { OnnxHandler } from './types';

export type { ConvertContext, Fold, Inputs, LayerBody, OnnxHandler, StateKey } from './types';
export { stateKey } from './types';

/** The families in the order docs/onnx.md shows them. */
export const ONNX_HANDLER_FAMILIES: readonly {
  family: string;
  handlers: Readonly<Record<string, OnnxHandler>>;
}[] = [
  { family: 'Convolution', handlers: CONV_HANDLERS },
  { family: 'Pooling', handlers: POOL_HANDLERS },
  { family: 'Linear', handlers: LINEAR_HANDLERS },
  { family: 'Normalisation', handlers: NORM_HANDLERS },
  { family: 'Recurrent', handlers: RECURRENT_HANDLERS },
  { family: 'Activations', handlers: ACTIVATION_HANDLERS },
  { family: 'Element-wise arithmetic', handlers: ELEMENTWISE_HANDLERS },
  { family: 'Reductions', handlers: REDUCE_HANDLERS },
  { family: 'Shapes and views', handlers: SHAPE_HANDLERS },
  { family: 'Padding and resizing', handlers: RESIZE_HANDLERS },
  { family: 'Constants and pass-throughs', handlers: STRUCTURAL_HANDLERS },
  { family: 'Arithmetic on constants', handlers: MATH_HANDLERS },
];

function table(): Readonly<Record<string, OnnxHandler>> {
  // No prototype: an op type such as "constructor" or "__proto__" finds no handler.
  const all: Record<string, OnnxHandler> = Object.create(null);
  for (const { family, handlers } of ONNX_HANDLER_FAMILIES) {
    for (const [op, h] of Object.entries(handlers)) {
      if (op in all) throw new Error(`ONNX op type ${op} has two handlers (the second in ${family})`);
      all[op] = h;
    }
  }
  return Object.freeze(all);
}

/** ONNX op type (default domain) → its handler. */
export const ONNX_HANDLERS: Readonly<Record<string, OnnxHandler>> = table();

/** The handler of an op type, or undefined (an unsupported operator). */
export function handlerFor(opType: string): OnnxHandler | undefined {
  return ONNX_HANDLERS[opType];
}
