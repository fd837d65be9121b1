/** What the driver knows about operators that no handler converts. */
import type { NodeInfo } from '../read';

/**
 * Element-wise operators whose output has the input's shape: when one is not converted, an
 * `unsupported` layer of that shape stands in for it and the graph goes on.
 */
export const UNKNOWN_ELEMENTWISE: ReadonlySet<string> = new Set([
  'Abs',
  'Neg',
  'Exp',
  'Log',
  'Sqrt',
  'Erf',
  'Reciprocal',
  'Floor',
  'Ceil',
  'Round',
  'Sin',
  'Cos',
  'Tan',
  'Sign',
  'Softplus',
  'Softsign',
  'Selu',
  'Celu',
  'ThresholdedRelu',
  'Mish',
  'PRelu',
  'LRN',
  'InstanceNormalization',
  'LpNormalization',
  'MeanVarianceNormalization',
  'LogSoftmax',
  'Hardmax',
  'Shrink',
  'Swish',
  'Pow',
  'Not',
  'BitShift',
  'CumSum',
  'Atan',
  'Asin',
  'Acos',
  'Sinh',
  'Cosh',
  'Asinh',
  'Acosh',
  'Atanh',
  'IsNaN',
  'IsInf',
]);

/** The operator's name in counts and messages: domain-qualified outside the default domain. */
export function opKey(n: NodeInfo): string {
  return n.domain && n.domain !== 'ai.onnx' ? `${n.domain}::${n.opType}` : n.opType;
}
