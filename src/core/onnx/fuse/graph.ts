/** Who produces and who reads each value of the graph, and the constants known before the walk. */
import { constantNodeValue } from '../fold/values';
import { type NodeInfo, type OnnxModelInfo, tensorValues } from '../read';

export class GraphIndex {
  private readonly producers = new Map<string, NodeInfo>();
  private readonly readers = new Map<string, NodeInfo[]>();
  private readonly inits = new Map<string, OnnxModelInfo['initializers'][number]>();
  private readonly outputs: Set<string>;

  constructor(info: OnnxModelInfo, order: readonly NodeInfo[]) {
    for (const t of info.initializers) this.inits.set(t.name, t);
    this.outputs = new Set(info.outputs.map((o) => o.name));
    for (const n of order) {
      for (const o of n.outputs) if (o) this.producers.set(o, n);
      for (const i of n.inputs) {
        if (!i) continue;
        const list = this.readers.get(i) ?? [];
        if (!list.includes(n)) list.push(n);
        this.readers.set(i, list);
      }
    }
  }

  producer(value: string): NodeInfo | undefined {
    return this.producers.get(value);
  }

  /** The nodes reading a value (each once). */
  consumers(value: string): readonly NodeInfo[] {
    return this.readers.get(value) ?? [];
  }

  /** The one node reading a value, or undefined when none or several read it. */
  only(value: string): NodeInfo | undefined {
    const r = this.consumers(value);
    return r.length === 1 && !this.outputs.has(value) ? r[0] : undefined;
  }

  isInitializer(value: string): boolean {
    return this.inits.has(value);
  }

  isGraphOutput(value: string): boolean {
    return this.outputs.has(value);
  }

  /** A value known before the walk: an initializer or a Constant node's output. */
  isConstant(value: string): boolean {
    return this.inits.has(value) || this.producers.get(value)?.opType === 'Constant';
  }

  /** Dims of a constant value, or null. */
  constDims(value: string): number[] | null {
    const t = this.inits.get(value);
    if (t) return t.dims;
    const p = this.producers.get(value);
    return p?.opType === 'Constant' ? (constantNodeValue(p)?.dims ?? null) : null;
  }

  /** The values of a small constant (a shape, a scale), or null. */
  constValues(value: string): number[] | null {
    const t = this.inits.get(value);
    if (t) return tensorValues(t, 64);
    const p = this.producers.get(value);
    return p?.opType === 'Constant' ? (constantNodeValue(p)?.values ?? null) : null;
  }

  /** The one constant of a two-input node and the other input, or null. */
  split(node: NodeInfo): { value: string; constant: string } | null {
    const [a, b] = node.inputs;
    if (node.inputs.length !== 2 || !a || !b) return null;
    if (this.isConstant(a) && !this.isConstant(b)) return { value: b, constant: a };
    if (this.isConstant(b) && !this.isConstant(a)) return { value: a, constant: b };
    return null;
  }
}
