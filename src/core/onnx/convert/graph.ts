/** The graph around the nodes: its one input (with the symbolic dimensions filled in) and the node order. */
import { errorNote, type ErrorNote } from '../../analysis/warning-messages';
import { checkDims } from '../dims';
import { OnnxImportError } from '../errors';
import type { NodeInfo, OnnxModelInfo } from '../read';
import type { ConvertOptions } from './types';

/** The graph input the model starts from, with its dims (batch included), and the other graph inputs. */
export interface GraphInput {
  name: string;
  dims: number[];
  /** Further graph inputs: the model format has one input, so nodes reading these are left out. */
  extra: string[];
}

/**
 * The first graph input that is not an initializer, with symbolic dimensions resolved: by name from
 * `dims`, a symbolic batch as 1, the rest from `inputShape` in order. Every failure names the input.
 */
export function graphInput(info: OnnxModelInfo, options: ConvertOptions): GraphInput {
  const inits = new Set([...info.initializers, ...info.sparseInitializers].map((t) => t.name));
  const real = info.inputs.filter((v) => !inits.has(v.name));
  if (!real.length) throw new OnnxImportError('input', errorNote('onnx-no-input', {}));
  const [main, ...extra] = real;
  if (!main.dims) throw new OnnxImportError('input', errorNote('onnx-input-no-shape', { input: main.name }));
  const raw = main.dims;
  if (raw.length !== 4 && raw.length !== 3 && raw.length !== 2) {
    throw new OnnxImportError('input', errorNote('onnx-input-rank', { input: main.name, rank: raw.length }));
  }
  const given = options.inputShape;
  if (given && given.length !== raw.length - 1) {
    throw new OnnxImportError(
      'input',
      errorNote('onnx-given-rank', { given: given.length, rank: raw.length - 1 }),
    );
  }
  const missing: string[] = [];
  const invalid: ErrorNote[] = [];
  const dims = raw.map((d, i) => {
    if (typeof d === 'number' && d > 0) {
      if (given && i > 0 && given[i - 1] !== d) {
        throw new OnnxImportError(
          'input',
          errorNote('onnx-input-fixed', { index: i, fixed: d, given: given[i - 1] }),
        );
      }
      return d;
    }
    if (typeof d === 'string' && options.dims?.[d] !== undefined) return options.dims[d];
    if (i === 0) return 1;
    if (given) return given[i - 1];
    if (typeof d === 'number') invalid.push(errorNote('onnx-dim-is', { index: i, value: d }));
    else missing.push(typeof d === 'string' ? `"${d}"` : `#${i}`);
    return 0;
  });
  if (invalid.length) {
    // A number that is not a size (−1 or 0 written for "unknown" by some exporters, or a bad file).
    throw new OnnxImportError('input', errorNote('onnx-input-not-size', { dims: invalid, input: main.name }));
  }
  if (missing.length) {
    throw new OnnxImportError(
      'input',
      errorNote(missing.length > 1 ? 'onnx-inputs-symbolic' : 'onnx-input-symbolic', {
        dims: missing.join(', '),
        input: main.name,
      }),
    );
  }
  checkDims(dims, errorNote('onnx-place-input', { name: main.name }));
  if (dims.slice(1).some((d) => d < 1))
    throw new OnnxImportError('input', errorNote('onnx-input-empty', { input: main.name }));
  return { name: main.name, dims, extra: extra.map((v) => v.name) };
}

/**
 * Kahn's algorithm over value names: nodes may come in any order; cycles, values produced twice and
 * reads of values nobody provides (`known` tells initializers and inputs) are errors.
 */
export function topoOrder(nodes: readonly NodeInfo[], known: (name: string) => boolean): NodeInfo[] {
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const o of n.outputs) {
      if (!o) continue;
      if (producer.has(o) || known(o))
        throw new OnnxImportError(
          'graph',
          errorNote('onnx-produced-twice', { value: o, node: n.name || n.opType }),
        );
      producer.set(o, i);
    }
  });
  const pending = new Array<number>(nodes.length).fill(0);
  const users = new Map<number, number[]>();
  nodes.forEach((n, i) => {
    for (const name of n.inputs) {
      if (!name) continue;
      const p = producer.get(name);
      if (p === undefined) {
        if (!known(name))
          throw new OnnxImportError(
            'graph',
            errorNote('onnx-unknown-value', { node: n.name || n.opType, value: name }),
          );
        continue;
      }
      pending[i]++;
      let u = users.get(p);
      if (!u) users.set(p, (u = []));
      u.push(i);
    }
  });
  const queue: number[] = [];
  pending.forEach((c, i) => c === 0 && queue.push(i));
  const order: NodeInfo[] = [];
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    order.push(nodes[i]);
    for (const u of users.get(i) ?? []) if (--pending[u] === 0) queue.push(u);
  }
  if (order.length !== nodes.length) {
    const stuck = nodes.find((_, i) => pending[i] > 0) as NodeInfo;
    throw new OnnxImportError('graph', errorNote('onnx-cycle', { node: stuck.name || stuck.opType }));
  }
  return order;
}
