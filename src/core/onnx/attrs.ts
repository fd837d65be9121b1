/**
 * Typed readers of ONNX node attributes. Each checks the attribute's type and throws an
 * {@link AttrError} naming the node, the attribute, what it must be and what it is.
 */
import { errorNote, type ErrorNote } from '../analysis/warning-messages';
import { OnnxImportError } from './errors';
import type { AttrValue, NodeInfo } from './read';

/** `node "conv1" (Conv)`: how messages name a node (its op type when it has no name). */
export function nodeLabel(node: NodeInfo): string {
  return `node "${node.name || node.opType}" (${node.opType})`;
}

/**
 * A number as a message shows it: exact when it is a safe integer or a fraction; an int64 beyond
 * 2^53 (read with rounding) as "about 9.22e+18", never as a made-up exact value.
 */
export function numText(n: number): string {
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? `about ${n.toPrecision(3)}` : String(n);
}

/** What an attribute holds, for a message: "a float (3)", "a list of integers [1, 2]". */
function describe(a: AttrValue): string {
  switch (a.type) {
    case 'int':
      return `an integer (${numText(a.value)})`;
    case 'float':
      return `a float (${a.value})`;
    case 'ints':
      return `a list of integers [${a.value.map(numText).join(', ')}]`;
    case 'floats':
      return `a list of floats [${a.value.join(', ')}]`;
    case 'string':
      return `a string ("${a.value.slice(0, 40)}")`;
    case 'strings':
      return 'a list of strings';
    case 'tensor':
      return 'a tensor';
    default:
      return a.type === 'graph' ? 'a graph' : 'of an unknown type';
  }
}

/** A malformed attribute: wrong type or impossible value. One line, naming the node and the attribute. */
export class AttrError extends OnnxImportError {
  constructor(node: NodeInfo, name: string, expected: string) {
    const a = node.attrs.get(name);
    const text = `attribute "${name}" must be ${expected}${a ? ` (it is ${describe(a)})` : ''}`;
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
  if (a.type !== 'int') throw new AttrError(node, name, 'an integer');
  return a.value;
}

/** A FLOAT attribute (an INT is accepted: exporters write `alpha: 1`), or `dflt` when absent. */
export function float(node: NodeInfo, name: string, dflt: number): number {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type === 'float' || a.type === 'int') return a.value;
  throw new AttrError(node, name, 'a number');
}

/** An INTS attribute, or undefined when absent. */
export function ints(node: NodeInfo, name: string): number[] | undefined {
  const a = node.attrs.get(name);
  if (!a) return undefined;
  if (a.type !== 'ints') throw new AttrError(node, name, 'a list of integers');
  return a.value;
}

/** A FLOATS attribute (INTS accepted), or undefined when absent. */
export function floats(node: NodeInfo, name: string): number[] | undefined {
  const a = node.attrs.get(name);
  if (!a) return undefined;
  if (a.type === 'floats' || a.type === 'ints') return a.value;
  throw new AttrError(node, name, 'a list of numbers');
}

/** A STRING attribute, or `dflt` when absent. */
export function string(node: NodeInfo, name: string, dflt: string): string {
  const a = node.attrs.get(name);
  if (!a) return dflt;
  if (a.type !== 'string') throw new AttrError(node, name, 'a string');
  return a.value;
}

/** An impossible node (shapes that do not fit, sizes below 1): one line naming the node. */
export function nodeError(node: NodeInfo, message: string): OnnxImportError {
  return new OnnxImportError('graph', nodeNote(node, message));
}

/** A node's problem: the node named and typed by code, what is wrong as its English detail. */
function nodeNote(node: NodeInfo, text: string): ErrorNote {
  return errorNote('onnx-node', {
    node: node.name || node.opType,
    op: node.opType,
    text: errorNote('onnx-detail', { text }),
  });
}
