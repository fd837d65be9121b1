/**
 * Typed readers of ONNX node attributes. Each checks the attribute's type and throws an
 * {@link AttrError} naming the node, the attribute, what it must be and what it is.
 */
import { errorNote, type ErrorNote, type WarningParam } from '../analysis/warning-messages';
import { superscript } from '../format';
import { OnnxImportError } from './errors';
import type { AttrValue, NodeInfo } from './read';

/** `node "conv1" (Conv)`: how messages name a node (its op type when it has no name). */
export function nodeLabel(node: NodeInfo): string {
  return `node "${node.name || node.opType}" (${node.opType})`;
}

/**
 * A number as a message shows it: exact when it is a safe integer or a fraction; an int64 beyond
 * 2^53 (read with rounding) as "about 9.22 × 10¹⁸" (`onnx-about`: each language writes "about", the
 * mantissa is a number in the locale's digits), never as a made-up exact value.
 */
export function numText(n: number): WarningParam {
  if (!Number.isInteger(n) || Number.isSafeInteger(n)) return String(n);
  const [mantissa, exponent] = n.toExponential(2).split('e');
  return errorNote('onnx-about', { mantissa: Number(mantissa), power: superscript(Number(exponent)) });
}

/** Numbers joined with ", " as {@link numText} writes each: a string unless one is beyond 2^53. */
export function numsText(values: readonly number[]): WarningParam {
  const parts: WarningParam[] = [];
  let run: string[] = [];
  for (const v of values) {
    const t = numText(v);
    if (typeof t === 'string') run.push(t);
    else {
      if (run.length) parts.push(run.join(', '));
      parts.push(t);
      run = [];
    }
  }
  if (run.length || !parts.length) parts.push(run.join(', '));
  return parts.reduceRight((b, a) => errorNote('onnx-seq', { a, b }));
}

/** What an attribute holds, for a message: "a float (3)", "a list of integers [1, 2]". */
function describe(a: AttrValue): ErrorNote {
  switch (a.type) {
    case 'int':
      return errorNote('onnx-is-int', { value: numText(a.value) });
    case 'float':
      return errorNote('onnx-is-float', { value: String(a.value) });
    case 'ints':
      return errorNote('onnx-is-ints', { values: numsText(a.value) });
    case 'floats':
      return errorNote('onnx-is-floats', { values: a.value.join(', ') });
    case 'string':
      return errorNote('onnx-is-string', { value: a.value.slice(0, 40) });
    case 'strings':
      return errorNote('onnx-is-strings', {});
    case 'tensor':
      return errorNote('onnx-is-tensor', {});
    default:
      return errorNote(a.type === 'graph' ? 'onnx-is-graph' : 'onnx-is-unknown', {});
  }
}

/** What an attribute must be, by code (`onnx-expect-<what>`). */
export type Expected =
  'int' | 'number' | 'ints' | 'numbers' | 'string' | 'pair' | 'auto-pad' | 'pads' | 'present' | 'perm';

/** A malformed attribute: wrong type or impossible value. One line, naming the node and the attribute. */
export class AttrError extends OnnxImportError {
  constructor(node: NodeInfo, name: string, expected: Expected) {
    const a = node.attrs.get(name);
    const must = errorNote(`onnx-expect-${expected}`, {});
    const text = a
      ? errorNote('onnx-attr-is', { name, expected: must, actual: describe(a) })
      : errorNote('onnx-attr', { name, expected: must });
    super('graph', nodeNote(node, text));
  }
}

/** Whether the node has the attribute (of any type). */
export function has(node: NodeInfo, name: string): boolean {
  return node.attrs.has(name);
}

/** An INT attribute, or `dflt` when absent. */
export function int(node: NodeInfo, name: string, dflt: number): number {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type !== 'int') throw new AttrError(node, name, 'int');
  return a.value;
}

/** A FLOAT attribute (an INT is accepted: exporters write `alpha: 1`), or `dflt` when absent. */
export function float(node: NodeInfo, name: string, dflt: number): number {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type === 'float' || a.type === 'int') return a.value;
  throw new AttrError(node, name, 'number');
}

/** An INTS attribute, or undefined when absent. */
export function ints(node: NodeInfo, name: string): number[] | undefined {
  const a = node.attrs.get(name);
  if (!a) return undefined;
  if (a.type !== 'ints') throw new AttrError(node, name, 'ints');
  return a.value;
}

/** A FLOATS attribute (INTS accepted), or undefined when absent. */
export function floats(node: NodeInfo, name: string): number[] | undefined {
  const a = node.attrs.get(name);
  if (!a) return undefined;
  if (a.type === 'floats' || a.type === 'ints') return a.value;
  throw new AttrError(node, name, 'numbers');
}

/** A STRING attribute, or `dflt` when absent. */
export function string(node: NodeInfo, name: string, dflt: string): string {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type !== 'string') throw new AttrError(node, name, 'string');
  return a.value;
}

/** An impossible node (shapes that do not fit, sizes below 1): one line naming the node. */
export function nodeError(node: NodeInfo, detail: ErrorNote): OnnxImportError {
  return new OnnxImportError('graph', nodeNote(node, detail));
}

/** A node's problem: the node named and typed by code, what is wrong by a code of its own. */
function nodeNote(node: NodeInfo, text: ErrorNote): ErrorNote {
  return errorNote('onnx-node', {
    node: node.name || node.opType,
    op: node.opType,
    text,
  });
}
