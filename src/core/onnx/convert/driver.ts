/**
 * The conversion driver: walks the graph in dependency order, folds constants, hands every other
 * node to its handler (`handlers/`), and keeps the books — values and their shapes, layers, the
 * parameters read, unsupported operators, nodes left out and why. It knows no operator itself.
 *
 * Tensors carry the batch dimension here (ONNX dims); the model format drops it, so a value is
 * expressible when it is [B, C, H, W] or [B, N]. Views (Reshape, Flatten, Squeeze, Unsqueeze,
 * Transpose) move no data: they become a flatten layer, or nothing, where their consumer needs them.
 */
import { errorNote, warningText } from '../../analysis/warning-messages';
import { INPUT_ID, type LayerSpec } from '../../model/types';
import { nodeError } from '../attrs';
import { checkDims, dimsText, modelShape, sameDims } from '../dims';
import { OnnxImportError } from '../errors';
import { type ConstVal, isIntType, MAX_CONST_ELEMENTS } from '../fold/values';
import { emitFusion, type Fusion, findFusions } from '../fuse';
import { handlerFor } from '../handlers';
import { inputNote } from '../handlers/layers-from';
import type { ConvertContext, Inputs, LayerBody, StateKey } from '../handlers/types';
import { type NodeInfo, type OnnxModelInfo, type TensorInfo, tensorElements, tensorValues } from '../read';
import { graphInput, topoOrder } from './graph';
import { opKey, UNKNOWN_ELEMENTWISE } from './placeholder';
import type { ConvertOptions, SkippedNode } from './types';
import { ref, Skip, type SkipCause, Unsupported, type Val } from './value';

/** The state of one import; implements the context the handlers see. */
export class Conversion implements ConvertContext {
  readonly vals = new Map<string, Val>();
  readonly layers: LayerSpec[] = [];
  private readonly dimsOf = new Map<string, number[]>();
  private readonly ids = new Set<string>([INPUT_ID]);
  readonly unsupported = new Map<string, number>();
  readonly unsupportedLayers: string[] = [];
  readonly skipped: SkippedNode[] = [];
  /** The structured cause of each skipped node, in the same order. */
  readonly causes: SkipCause[] = [];
  readonly notes = new Set<string>();
  readonly paramTensors = new Map<TensorInfo, 'param' | 'buffer'>();
  private readonly flattenOf = new Map<string, string>();
  private readonly readers = new Map<string, number>();
  private readonly producers = new Map<string, NodeInfo>();
  private readonly valueInfo = new Map<string, (number | string | null)[] | null>();
  private readonly reportedViews = new Set<NodeInfo>();
  private readonly states = new Map<StateKey<unknown>, unknown>();
  /** Multi-node patterns that are one layer (fuse/): by their last node, and their other nodes. */
  private fusions = new Map<NodeInfo, Fusion>();
  private fused = new Set<NodeInfo>();
  /** The graph input's dims (with batch). */
  readonly inputDims: number[];

  constructor(
    readonly info: OnnxModelInfo,
    readonly opset: number,
    options: ConvertOptions,
  ) {
    for (const v of [...info.valueInfo, ...info.outputs]) this.valueInfo.set(v.name, v.dims);
    for (const t of info.initializers) {
      checkDims(t.dims, errorNote('onnx-place-initializer', { name: t.name }));
      this.vals.set(t.name, { dims: t.dims, c: lazyConst(t), tensor: t });
    }
    for (const t of info.sparseInitializers) {
      checkDims(t.dims, errorNote('onnx-place-initializer', { name: t.name }));
      this.vals.set(t.name, {
        dims: t.dims,
        c: { dims: t.dims, values: null, int: isIntType(t.dataType) },
        tensor: t,
      });
    }
    const input = graphInput(info, options);
    for (const name of input.extra) {
      this.vals.set(name, {
        dims: null,
        broken: `reads graph input "${name}"; the model format has a single input`,
        blocked: { kind: 'input', input: name },
      });
    }
    this.vals.set(input.name, { dims: input.dims, layer: INPUT_ID });
    this.dimsOf.set(INPUT_ID, input.dims);
    this.inputDims = input.dims;
  }

  /** Converts every node, then gives graph outputs that are flattened views their flatten layer. */
  run(): void {
    const order = topoOrder(this.info.nodes, (name) => this.vals.has(name));
    for (const n of order) {
      for (const o of n.outputs) if (o) this.producers.set(o, n);
      for (const name of n.inputs) this.readers.set(name, (this.readers.get(name) ?? 0) + 1);
    }
    const { byAnchor, inner } = findFusions(this.info, order);
    this.fusions = byAnchor;
    this.fused = inner;
    for (const node of order) if (!this.fused.has(node)) this.visit(node);
    // A graph output that is a flattened view still needs its flatten layer (e.g. SqueezeNet's head).
    for (const o of this.info.outputs) {
      const v = this.vals.get(o.name);
      if (v && v.src && !v.layer && !v.broken) {
        try {
          this.layerOf(v);
        } catch (e) {
          if (!(e instanceof Skip)) throw e;
        }
      }
    }
  }

  // --- the context handlers see ------------------------------------------------------------------

  layerOf(v: Val | undefined, what = 'input'): string {
    if (!v) throw new Skip(`its ${what} is missing`, { kind: 'shape' });
    if (v.broken) throw new Skip(v.broken, v.blocked ?? { kind: 'shape' });
    if (v.layer) return v.layer;
    if (v.src && v.dims) {
      const srcDims = this.layerDims(v.src);
      if (sameDims(modelShape(v.dims), modelShape(srcDims))) return v.src;
      if (v.dims.length === 2 && srcDims.length === 4 && tensorElements(v.dims) === tensorElements(srcDims)) {
        let f = this.flattenOf.get(v.src);
        if (!f) {
          const flat = [srcDims[0], tensorElements(srcDims.slice(1))];
          f = this.emit(v.viewNode as NodeInfo, { op: 'flatten' }, [v.src], flat, '/flatten');
          this.flattenOf.set(v.src, f);
        }
        return f;
      }
      const view = v.viewNode as NodeInfo;
      if (!this.reportedViews.has(view)) {
        this.reportedViews.add(view);
        this.countUnsupported(view);
      }
      throw new Skip(
        `it reads ${view.opType} "${view.name}", whose layout ${dimsText(v.dims)} the model format cannot express`,
        { kind: 'layout', view: ref(view) },
      );
    }
    if (v.c)
      throw new Skip(`its ${what} is a constant; the model format has a single input`, { kind: 'constant' });
    throw new Skip(`its ${what} has an unknown shape`, { kind: 'shape' });
  }

  input(v: Val | undefined, what?: string): { from: string; dims: number[] } {
    const from = this.layerOf(v, what);
    return { from, dims: v?.dims ?? this.layerDims(from) };
  }

  layerDims(id: string): number[] {
    return this.dimsOf.get(id) as number[];
  }

  emit(node: NodeInfo, body: LayerBody, inputs: string[], dims: number[], suffix = ''): string {
    const id = this.newId(node, suffix);
    checkDims(dims, errorNote('onnx-place-output', { name: id }));
    const prev = this.layers.length ? this.layers[this.layers.length - 1].id : INPUT_ID;
    const layer = { id, ...body } as LayerSpec;
    if (inputs.length !== 1 || inputs[0] !== prev) layer.inputs = inputs;
    this.layers.push(layer);
    this.dimsOf.set(id, dims);
    return id;
  }

  amend(id: string, change: (layer: LayerSpec) => void): void {
    const layer = this.layers.find((l) => l.id === id);
    if (layer) change(layer);
  }

  layerOut(node: NodeInfo, body: LayerBody, inputs: string[], dims: number[], suffix = ''): string {
    const id = this.emit(node, body, inputs, dims, suffix);
    this.out(node, { dims, layer: id });
    return id;
  }

  out(node: NodeInfo, first: Val, ...more: Val[]): void {
    if (first.dims) checkDims(first.dims, errorNote('onnx-place-output', { name: node.name || node.opType }));
    this.vals.set(node.outputs[0], first);
    node.outputs.slice(1).forEach((o, i) => {
      if (!o) return;
      this.vals.set(
        o,
        more[i] ?? {
          dims: null,
          broken: `it reads a secondary output of ${node.opType} "${node.name}", which is not analysed`,
          blocked: { kind: 'secondary', of: ref(node) },
        },
      );
    });
  }

  constOut(node: NodeInfo, c: ConstVal): void {
    this.vals.set(node.outputs[0], { dims: c.dims, c });
  }

  weight(node: NodeInfo, ins: Inputs, index: number, rank?: number): number[] {
    const v = ins[index];
    const what = inputNote(node.opType, index);
    if (!v || !v.c || !v.dims) throw new Unsupported(`${warningText(what)} computed at run time`);
    if (rank !== undefined && v.dims.length !== rank)
      throw nodeError(node, errorNote('onnx-rank', { what, rank: v.dims.length, expected: rank }));
    return v.dims;
  }

  param(v: Val | undefined, kind: 'param' | 'buffer' = 'param'): void {
    if (v?.tensor && !this.paramTensors.has(v.tensor)) this.paramTensors.set(v.tensor, kind);
  }

  note(text: string): void {
    this.notes.add(text);
  }

  consumers(value: string): number {
    return this.readers.get(value) ?? 0;
  }

  producer(value: string): NodeInfo | undefined {
    return this.producers.get(value);
  }

  state<T>(key: StateKey<T>): T {
    if (!this.states.has(key)) this.states.set(key, key.create());
    return this.states.get(key) as T;
  }

  // --- the walk ----------------------------------------------------------------------------------

  private newId(node: NodeInfo, suffix = ''): string {
    const base = (node.name || `${node.opType}_${node.outputs[0] ?? ''}`) + suffix;
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}_${k}`;
    this.ids.add(id);
    return id;
  }

  private countUnsupported(node: NodeInfo): void {
    const key = opKey(node);
    this.unsupported.set(key, (this.unsupported.get(key) ?? 0) + 1);
  }

  private visit(node: NodeInfo): void {
    const ins: Inputs = node.inputs.map((n) => (n ? this.vals.get(n) : undefined));
    try {
      if (node.domain !== '' && node.domain !== 'ai.onnx')
        throw new Unsupported(`operator domain "${node.domain}"`);
      const fusion = this.fusions.get(node);
      if (fusion) return emitFusion(fusion, (name) => this.vals.get(name), this);
      const h = handlerFor(node.opType);
      const x = ins[0];
      // Shape computations first: exporters compute shapes with small constant subgraphs.
      if (h?.fromDims && x?.dims && !x.broken) return this.constOut(node, h.fromDims(node, x.dims));
      const allConst = ins.every((v, i) => !node.inputs[i] || (v && v.c && !v.broken));
      if (allConst && h?.fold) {
        const r = h.fold(
          node,
          ins.map((v) => v?.c),
        );
        if (r) {
          checkDims(r.dims, errorNote('onnx-place-output', { name: node.name || node.opType }));
          this.vals.set(node.outputs[0], { dims: r.dims, c: r, tensor: h.tensorOf?.(node, x?.tensor) });
          return;
        }
        if (node.opType === 'Constant')
          throw new OnnxImportError('graph', errorNote('onnx-constant-no-value', { node: node.name }));
      }
      if (allConst && node.inputs.length > 0) {
        // A constant computation the evaluator does not know (e.g. weight dequantisation).
        this.countUnsupported(node);
        this.leaveOut(
          node,
          'constant computation not evaluated',
          { kind: 'constant' },
          'which is not evaluated',
        );
        return;
      }
      if (!h?.convert) throw new Unsupported(`operator ${node.opType}`);
      h.convert(node, ins, this);
    } catch (e) {
      if (e instanceof Skip) this.leaveOut(node, e.message, e.why, 'which is not analysed');
      else if (e instanceof Unsupported) this.placeholder(node, ins, e.message);
      else throw e;
    }
  }

  /**
   * Lists the node as left out and marks its outputs, so that nodes reading them are left out too:
   * their reason is "it depends on <op> "<name>", <which>" (or "on unsupported <op>" without `which`).
   */
  private leaveOut(node: NodeInfo, reason: string, why: SkipCause, which?: string): void {
    const index = this.skipped.length;
    this.skipped.push({ node: node.name, op: node.opType, reason });
    this.causes.push(why);
    const blocked: SkipCause = { kind: 'depends', root: why.kind === 'depends' ? why.root : index };
    const broken = which
      ? `it depends on ${node.opType} "${node.name}", ${which}`
      : `it depends on unsupported ${node.opType} "${node.name}"`;
    for (const o of node.outputs) this.vals.set(o, { dims: null, broken, blocked });
  }

  /** An unsupported operator: counted, and kept as an `unsupported` layer when its output shape is known. */
  private placeholder(node: NodeInfo, ins: Inputs, why: string): void {
    this.countUnsupported(node);
    const x = ins[0];
    let dims: number[] | null = null;
    let from: string | undefined;
    try {
      if (x && x.dims && !x.broken && !x.c) {
        const hinted = this.valueInfo.get(node.outputs[0]);
        const hint = hinted?.map((d, i) => (typeof d === 'number' ? d : i === 0 ? 1 : -1)) ?? null;
        if (UNKNOWN_ELEMENTWISE.has(node.opType) || sameDims(hint, x.dims)) {
          from = this.layerOf(x);
          dims = x.dims;
        }
      }
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
    }
    if (!from || !dims) {
      this.leaveOut(node, `unsupported: ${why}`, { kind: 'unsupported' });
      return;
    }
    const shape = modelShape(dims);
    const body: LayerBody = {
      op: 'unsupported',
      name: opKey(node),
      ...(shape ? { output_shape: shape } : {}),
    };
    const id = this.emit(node, body, [from], dims);
    this.unsupportedLayers.push(id);
    this.vals.set(node.outputs[0], { dims, layer: id });
    for (const o of node.outputs.slice(1))
      this.vals.set(o, {
        dims: null,
        broken: `it reads a secondary output of unsupported ${node.opType} "${node.name}"`,
        blocked: { kind: 'secondary', of: ref(node) },
      });
  }
}

/** An initializer as a constant whose values are decoded only if a shape computation asks; weights never are. */
function lazyConst(t: TensorInfo): ConstVal {
  const int = isIntType(t.dataType);
  let cached: number[] | null | undefined;
  return {
    dims: t.dims,
    int,
    get values() {
      if (cached === undefined)
        cached = tensorElements(t.dims) <= MAX_CONST_ELEMENTS ? tensorValues(t, MAX_CONST_ELEMENTS) : null;
      return cached;
    },
  };
}
