/**
 * ONNX graph → ConvScope model, with its own shape inference (value_info is only a fallback for
 * the output shape of operators it does not know).
 *
 * Tensors carry the batch dimension here (ONNX dims); the model format drops it, so a value is
 * expressible when it is [B, C, H, W] or [B, N]. Views (Reshape, Flatten, Squeeze, Unsqueeze,
 * Transpose) move no data: they become a flatten layer, or nothing, where their consumer needs them.
 */
import { validateModel } from '../model/validate';
import {
  INPUT_ID,
  type LayerSpec,
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelSpec,
  type Shape,
} from '../model/types';
import {
  AttrError,
  attrFloat,
  attrInt,
  attrInts,
  attrString,
  broadcastDims,
  CONST_OPS,
  type ConstVal,
  evalConst,
  flattenDims,
  isIntType,
  MAX_CONST_ELEMENTS,
  reshapeDims,
  squeezeDims,
  unsqueezeDims,
} from './constants';
import { OnnxImportError } from './errors';
import { type NodeInfo, type OnnxModelInfo, type TensorInfo, tensorElements, tensorValues } from './read';

export interface ConvertOptions {
  /** Values of symbolic input dimensions by name; a symbolic first (batch) dimension is 1. */
  dims?: Record<string, number>;
  /** [C, H, W] or [N]: fills the symbolic non-batch input dimensions in order. */
  inputShape?: Shape;
  /** Model name; default the graph name. */
  name?: string;
}

export interface OpCount {
  op: string;
  count: number;
}

/** A node of the file that is not in the model, and why. */
export interface SkippedNode {
  node: string;
  op: string;
  reason: string;
}

export interface OnnxImport {
  model: ModelSpec;
  source: {
    irVersion: number;
    opset: number;
    producer: string;
    graphName: string;
    nodes: number;
    initializers: number;
    fileBytes: number;
    /** Bytes of initializer data in the file (external data not included). */
    weightBytes: number;
    externalData: boolean;
  };
  /** Every operator of the graph with its count (domain-qualified outside the default domain). */
  ops: OpCount[];
  /** Operators the converter cannot express, with counts; never silently dropped. */
  unsupported: OpCount[];
  /**
   * Layers standing in for unsupported operators (`unsupported` layers with the right output shape):
   * their cost is unknown and missing from every total; the analysis marks them and says "incomplete".
   */
  unsupportedLayers: string[];
  /** Nodes left out of the model (downstream of an unsupported operator, or shapes the format cannot hold). */
  skipped: SkippedNode[];
  /** false when anything is unsupported or skipped: totals are lower bounds. */
  complete: boolean;
  /**
   * Parameters counted from the initializers the layers read, each initializer once (shared
   * weights through Identity count once): conv/linear weights and biases, BatchNorm scale and shift.
   * BatchNorm running mean and variance are `buffers`.
   */
  params: { total: number; buffers: number };
  /** Where the model differs in form (not in cost) from the ONNX graph. */
  notes: string[];
}

/** A value in the graph: dims with batch, and where its data comes from. */
interface Val {
  dims: number[] | null;
  /** Known constant (initializer, Constant, folded subgraph). */
  c?: ConstVal;
  /** Initializer (or Constant tensor) behind a constant, for parameter counting. */
  tensor?: TensorInfo;
  /** The layer whose output this value is, exactly. */
  layer?: string;
  /** A view (no data moved) of this layer's output. */
  src?: string;
  viewNode?: NodeInfo;
  /** Why this value cannot be analysed. */
  broken?: string;
}

/** The node cannot be placed in the model (reason for the user). */
class Skip extends Error {}
/** The operator (or this use of it) cannot be expressed: counted as unsupported. */
class Unsupported extends Error {}

/** Element-wise operators whose output has the input's shape: a placeholder keeps the graph going. */
const SHAPE_PRESERVING = new Set([
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

const ACTIVATIONS: Record<string, LayerSpec['op']> = {
  Relu: 'relu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  HardSwish: 'hardswish',
  Gelu: 'gelu',
  Softmax: 'softmax',
};

const MAX_DIM = 2 ** 31;

function fmtShape(dims: number[]): Shape | null {
  if (dims.length === 4) return [dims[1], dims[2], dims[3]];
  if (dims.length === 2) return [dims[1]];
  return null;
}

function sameDims(a: readonly number[] | null, b: readonly number[] | null): boolean {
  return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}

function dimsText(d: readonly number[] | null): string {
  return d ? `[${d.join(', ')}]` : '[?]';
}

function checkDims(dims: number[], what: string): number[] {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0 || d > MAX_DIM) {
      throw new OnnxImportError('too-large', `${what} has a dimension ${d} outside 0…2^31`);
    }
    n *= d;
  }
  if (n > Number.MAX_SAFE_INTEGER)
    throw new OnnxImportError('too-large', `${what} has more than 2^53 elements`);
  return dims;
}

/** Per-dimension padding of a window op from pads / auto_pad: [before, after] for H and W. */
function windowPads(node: NodeInfo, x: number[], k: number[], s: number[], d: number[]): [number, number][] {
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  const spatial = [x[2], x[3]];
  if (autoPad === 'VALID')
    return [
      [0, 0],
      [0, 0],
    ];
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    return spatial.map((X, i) => {
      const total = Math.max((Math.ceil(X / s[i]) - 1) * s[i] + (k[i] - 1) * d[i] + 1 - X, 0);
      const small = Math.floor(total / 2);
      return autoPad === 'SAME_UPPER' ? [small, total - small] : [total - small, small];
    });
  }
  if (autoPad !== 'NOTSET') throw new AttrError(node, 'auto_pad', 'NOTSET, SAME_UPPER, SAME_LOWER or VALID');
  const pads = attrInts(node, 'pads') ?? [0, 0, 0, 0];
  if (pads.length !== 4 || pads.some((p) => !Number.isSafeInteger(p) || p < 0 || p > MAX_DIM)) {
    throw new AttrError(node, 'pads', 'four non-negative integers');
  }
  return [
    [pads[0], pads[2]],
    [pads[1], pads[3]],
  ];
}

function pairAttr(node: NodeInfo, name: string, dflt: number): number[] {
  const v = attrInts(node, name) ?? [dflt, dflt];
  if (v.length !== 2 || v.some((x) => !Number.isSafeInteger(x) || x < 1 || x > MAX_DIM)) {
    throw new AttrError(node, name, 'two positive integers');
  }
  return v;
}

class Converter {
  private vals = new Map<string, Val>();
  private layers: LayerSpec[] = [];
  private layerDims = new Map<string, number[]>();
  private ids = new Set<string>([INPUT_ID]);
  private unsupported = new Map<string, number>();
  private unsupportedLayers: string[] = [];
  private skipped: SkippedNode[] = [];
  private notes = new Set<string>();
  private paramTensors = new Map<TensorInfo, 'param' | 'buffer'>();
  private flattenOf = new Map<string, string>();
  private consumers = new Map<string, number>();
  /** Layers from MatMul without bias, by output value: a following Add of a constant becomes the bias. */
  private matmulLinear = new Map<string, LayerSpec & { op: 'linear' }>();
  private valueInfo = new Map<string, (number | string | null)[] | null>();
  private reportedViews = new Set<NodeInfo>();
  private opset = 0;

  constructor(
    private info: OnnxModelInfo,
    private options: ConvertOptions,
  ) {}

  run(): OnnxImport {
    const info = this.info;
    const def = info.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx');
    if (!def) throw new OnnxImportError('version', 'the model imports no ONNX operator set');
    this.opset = def.version;
    if (this.opset < 7 || this.opset > 21) {
      throw new OnnxImportError('version', `ONNX opset ${this.opset} is not supported (opsets 7–21 are)`);
    }
    for (const v of [...info.valueInfo, ...info.outputs]) this.valueInfo.set(v.name, v.dims);
    for (const t of info.initializers) {
      checkDims(t.dims, `initializer "${t.name}"`);
      this.vals.set(t.name, { dims: t.dims, c: this.lazyConst(t), tensor: t });
    }
    for (const t of info.sparseInitializers) {
      checkDims(t.dims, `initializer "${t.name}"`);
      this.vals.set(t.name, {
        dims: t.dims,
        c: { dims: t.dims, values: null, int: isIntType(t.dataType) },
        tensor: t,
      });
    }
    const input = this.setupInput();
    const order = this.topoOrder();
    for (const n of order)
      for (const name of n.inputs) this.consumers.set(name, (this.consumers.get(name) ?? 0) + 1);
    for (const node of order) this.visit(node);
    // A graph output that is a flattened view still needs its flatten layer (e.g. SqueezeNet's head).
    for (const o of info.outputs) {
      const v = this.vals.get(o.name);
      if (v && v.src && !v.layer && !v.broken) {
        try {
          this.needLayer(v);
        } catch (e) {
          if (!(e instanceof Skip)) throw e;
        }
      }
    }

    const model: ModelSpec = {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      name: this.options.name ?? (info.graphName || 'onnx_model'),
      input,
      layers: this.layers,
      description: `Imported from ONNX (${info.producerName || 'unknown producer'}${info.producerVersion ? ` ${info.producerVersion}` : ''}, opset ${this.opset}).`,
    };
    const checked = validateModel(model);
    if (!checked.ok) {
      throw new OnnxImportError('graph', `the converted model is inconsistent: ${checked.errors[0].message}`);
    }
    const ops = new Map<string, number>();
    for (const n of info.nodes) {
      const key = opKey(n);
      ops.set(key, (ops.get(key) ?? 0) + 1);
    }
    let params = 0;
    let buffers = 0;
    for (const [t, kind] of this.paramTensors) {
      if (kind === 'param') params += tensorElements(t.dims);
      else buffers += tensorElements(t.dims);
    }
    const toList = (m: Map<string, number>) =>
      [...m]
        .map(([op, count]) => ({ op, count }))
        .sort((a, b) => b.count - a.count || a.op.localeCompare(b.op));
    return {
      model,
      source: {
        irVersion: info.irVersion,
        opset: this.opset,
        producer: `${info.producerName} ${info.producerVersion}`.trim(),
        graphName: info.graphName,
        nodes: info.nodes.length,
        initializers: info.initializers.length,
        fileBytes: info.fileBytes,
        weightBytes: info.initializers.reduce((s, t) => s + t.dataBytes, 0),
        externalData: info.initializers.some((t) => t.external),
      },
      ops: toList(ops),
      unsupported: toList(this.unsupported),
      unsupportedLayers: this.unsupportedLayers,
      skipped: this.skipped,
      complete: this.unsupported.size === 0 && this.skipped.length === 0,
      params: { total: params, buffers },
      notes: [...this.notes],
    };
  }

  private lazyConst(t: TensorInfo): ConstVal {
    const int = isIntType(t.dataType);
    let cached: number[] | null | undefined;
    // Values are decoded only if a shape computation asks for them; weights never are.
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

  private setupInput(): Shape {
    const inits = new Set([...this.info.initializers, ...this.info.sparseInitializers].map((t) => t.name));
    const real = this.info.inputs.filter((v) => !inits.has(v.name));
    if (!real.length) throw new OnnxImportError('input', 'the graph has no input');
    const [main, ...extra] = real;
    for (const v of extra) {
      this.vals.set(v.name, {
        dims: null,
        broken: `reads graph input "${v.name}"; the model format has a single input`,
      });
    }
    if (!main.dims) throw new OnnxImportError('input', `graph input "${main.name}" has no tensor shape`);
    const raw = main.dims;
    if (raw.length !== 4 && raw.length !== 2) {
      throw new OnnxImportError(
        'input',
        `graph input "${main.name}" has ${raw.length} dimensions; [N, C, H, W] or [N, features] are supported`,
      );
    }
    const given = this.options.inputShape;
    if (given && given.length !== raw.length - 1) {
      throw new OnnxImportError(
        'input',
        `the input shape given has ${given.length} dimensions but the model input has ${raw.length - 1} (without batch)`,
      );
    }
    const missing: string[] = [];
    const dims = raw.map((d, i) => {
      if (typeof d === 'number' && d > 0) {
        if (given && i > 0 && given[i - 1] !== d) {
          throw new OnnxImportError(
            'input',
            `input dimension ${i} is fixed at ${d} in the file, not ${given[i - 1]}`,
          );
        }
        return d;
      }
      if (typeof d === 'string' && this.options.dims?.[d] !== undefined) return this.options.dims[d];
      if (i === 0) return 1;
      if (given) return given[i - 1];
      missing.push(typeof d === 'string' ? `"${d}"` : `#${i}`);
      return 0;
    });
    if (missing.length) {
      throw new OnnxImportError(
        'input',
        `input dimension${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of "${main.name}" ${missing.length > 1 ? 'are' : 'is'} symbolic: give the input shape`,
      );
    }
    checkDims(dims, `graph input "${main.name}"`);
    if (dims.slice(1).some((d) => d < 1))
      throw new OnnxImportError('input', `graph input "${main.name}" has an empty dimension`);
    this.vals.set(main.name, { dims, layer: INPUT_ID });
    this.layerDims.set(INPUT_ID, dims);
    return fmtShape(dims) as Shape;
  }

  /** Kahn's algorithm over value names: nodes may come in any order; cycles and dangling reads are errors. */
  private topoOrder(): NodeInfo[] {
    const nodes = this.info.nodes;
    const producer = new Map<string, number>();
    nodes.forEach((n, i) => {
      for (const o of n.outputs) {
        if (!o) continue;
        if (producer.has(o) || this.vals.has(o))
          throw new OnnxImportError('graph', `value "${o}" is produced twice (node "${n.name || n.opType}")`);
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
          if (!this.vals.has(name))
            throw new OnnxImportError(
              'graph',
              `node "${n.name || n.opType}" reads "${name}", which no node, initializer or input provides`,
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
      throw new OnnxImportError(
        'graph',
        `the graph has a cycle (through node "${stuck.name || stuck.opType}")`,
      );
    }
    return order;
  }

  private newId(node: NodeInfo, suffix = ''): string {
    const base = (node.name || `${node.opType}_${node.outputs[0] ?? ''}`) + suffix;
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}_${k}`;
    this.ids.add(id);
    return id;
  }

  private emit(id: string, body: Record<string, unknown>, inputs: string[], dims: number[]): string {
    checkDims(dims, `the output of "${id}"`);
    const prev = this.layers.length ? this.layers[this.layers.length - 1].id : INPUT_ID;
    const layer = { id, ...body } as LayerSpec;
    if (inputs.length !== 1 || inputs[0] !== prev) layer.inputs = inputs;
    this.layers.push(layer);
    this.layerDims.set(id, dims);
    return id;
  }

  /** The layer holding `v` in the format's layout, adding a flatten for a flattened view. */
  private needLayer(v: Val | undefined, what = 'input'): string {
    if (!v) throw new Skip(`its ${what} is missing`);
    if (v.broken) throw new Skip(v.broken);
    if (v.layer) return v.layer;
    if (v.src && v.dims) {
      const srcDims = this.layerDims.get(v.src) as number[];
      if (sameDims(fmtShape(v.dims), fmtShape(srcDims))) return v.src;
      if (v.dims.length === 2 && srcDims.length === 4 && tensorElements(v.dims) === tensorElements(srcDims)) {
        let f = this.flattenOf.get(v.src);
        if (!f) {
          f = this.emit(
            this.newId(v.viewNode as NodeInfo, '/flatten'),
            { op: 'flatten' },
            [v.src],
            [srcDims[0], tensorElements(srcDims.slice(1))],
          );
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
      );
    }
    if (v.c) throw new Skip(`its ${what} is a constant; the model format has a single input`);
    throw new Skip(`its ${what} has an unknown shape`);
  }

  private countUnsupported(node: NodeInfo): void {
    const key = opKey(node);
    this.unsupported.set(key, (this.unsupported.get(key) ?? 0) + 1);
  }

  private visit(node: NodeInfo): void {
    const ins = node.inputs.map((n) => (n ? this.vals.get(n) : undefined));
    const outs = node.outputs;
    try {
      if (node.domain === '' || node.domain === 'ai.onnx') {
        // Constant folding first: exporters compute shapes with small constant subgraphs.
        const allConst = ins.every((v, i) => !node.inputs[i] || (v && v.c && !v.broken));
        if (node.opType === 'Shape' && ins[0]?.dims && !ins[0].broken) {
          const d = ins[0].dims;
          const start = attrInt(node, 'start', 0);
          const end = attrInt(node, 'end', d.length);
          const norm = (v: number) => Math.min(Math.max(v < 0 ? v + d.length : v, 0), d.length);
          const values = d.slice(norm(start), norm(end));
          this.setConst(outs[0], { dims: [values.length], values, int: true });
          return;
        }
        if (node.opType === 'Size' && ins[0]?.dims && !ins[0].broken) {
          this.setConst(outs[0], { dims: [], values: [tensorElements(ins[0].dims)], int: true });
          return;
        }
        if (allConst && (CONST_OPS.has(node.opType) || node.opType === 'Constant')) {
          const r = evalConst(
            node,
            ins.map((v) => v?.c),
          );
          if (r) {
            checkDims(r.dims, `the output of "${node.name || node.opType}"`);
            const tensor =
              (node.opType === 'Identity' || node.opType === 'Cast') && ins[0]?.tensor
                ? ins[0].tensor
                : undefined;
            const t = node.opType === 'Constant' ? constTensor(node) : tensor;
            this.vals.set(outs[0], { dims: r.dims, c: r, tensor: t });
            return;
          }
          if (node.opType === 'Constant')
            throw new OnnxImportError('graph', `Constant node "${node.name}" has no value`);
        }
        if (allConst && node.inputs.length > 0) {
          // A constant computation the evaluator does not know (e.g. weight dequantisation).
          this.countUnsupported(node);
          this.skipped.push({
            node: node.name,
            op: node.opType,
            reason: 'constant computation not evaluated',
          });
          for (const o of outs)
            this.vals.set(o, {
              dims: null,
              broken: `it depends on ${node.opType} "${node.name}", which is not evaluated`,
            });
          return;
        }
        this.dynamic(node, ins);
        return;
      }
      throw new Unsupported(`operator domain "${node.domain}"`);
    } catch (e) {
      if (e instanceof AttrError) throw new OnnxImportError('graph', e.message);
      if (e instanceof Skip) {
        this.skipped.push({ node: node.name, op: node.opType, reason: e.message });
        for (const o of outs)
          this.vals.set(o, {
            dims: null,
            broken: `it depends on ${node.opType} "${node.name}", which is not analysed`,
          });
        return;
      }
      if (e instanceof Unsupported) {
        this.placeholder(node, ins, e.message);
        return;
      }
      throw e;
    }
  }

  private setConst(name: string, c: ConstVal): void {
    this.vals.set(name, { dims: c.dims, c });
  }

  /** An unsupported operator: counted, and kept as an `unsupported` layer when its output shape is known. */
  private placeholder(node: NodeInfo, ins: (Val | undefined)[], why: string): void {
    this.countUnsupported(node);
    const x = ins[0];
    let dims: number[] | null = null;
    let from: string | undefined;
    try {
      if (x && x.dims && !x.broken && !x.c) {
        const hinted = this.valueInfo.get(node.outputs[0]);
        const hint = hinted?.map((d, i) => (typeof d === 'number' ? d : i === 0 ? 1 : -1)) ?? null;
        if (SHAPE_PRESERVING.has(node.opType) || sameDims(hint, x.dims)) {
          from = this.needLayer(x);
          dims = x.dims;
        }
      }
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
    }
    if (from && dims) {
      const shape = fmtShape(dims);
      const body = { op: 'unsupported', name: opKey(node), ...(shape ? { output_shape: shape } : {}) };
      const id = this.emit(this.newId(node), body, [from], dims);
      this.unsupportedLayers.push(id);
      this.vals.set(node.outputs[0], { dims, layer: id });
      for (const o of node.outputs.slice(1))
        this.vals.set(o, {
          dims: null,
          broken: `it reads a secondary output of unsupported ${node.opType} "${node.name}"`,
        });
      return;
    }
    this.skipped.push({ node: node.name, op: node.opType, reason: `unsupported: ${why}` });
    for (const o of node.outputs)
      this.vals.set(o, { dims: null, broken: `it depends on unsupported ${node.opType} "${node.name}"` });
  }

  private out(node: NodeInfo, v: Val): void {
    if (v.dims) checkDims(v.dims, `the output of "${node.name || node.opType}"`);
    this.vals.set(node.outputs[0], v);
    for (const o of node.outputs.slice(1)) {
      if (o)
        this.vals.set(o, {
          dims: null,
          broken: `it reads a secondary output of ${node.opType} "${node.name}", which is not analysed`,
        });
    }
  }

  private layerOut(
    node: NodeInfo,
    body: Record<string, unknown>,
    inputs: string[],
    dims: number[],
    suffix = '',
  ): string {
    const id = this.emit(this.newId(node, suffix), body, inputs, dims);
    this.out(node, { dims, layer: id });
    return id;
  }

  private weight(v: Val | undefined, node: NodeInfo, what: string, rank?: number): number[] {
    if (!v || !v.c || !v.dims) throw new Unsupported(`${what} computed at run time`);
    if (rank !== undefined && v.dims.length !== rank) {
      throw new OnnxImportError(
        'graph',
        `node "${node.name || node.opType}" (${node.opType}): ${what} has ${v.dims.length} dimensions, expected ${rank}`,
      );
    }
    return v.dims;
  }

  private useParam(v: Val | undefined, kind: 'param' | 'buffer' = 'param'): void {
    if (v?.tensor && !this.paramTensors.has(v.tensor)) this.paramTensors.set(v.tensor, kind);
  }

  private bad(node: NodeInfo, msg: string): OnnxImportError {
    return new OnnxImportError('graph', `node "${node.name || node.opType}" (${node.opType}): ${msg}`);
  }

  private dynamic(node: NodeInfo, ins: (Val | undefined)[]): void {
    const op = node.opType;
    const x = ins[0];
    const xd = x?.dims ?? null;
    switch (op) {
      case 'Identity':
      case 'Cast':
      case 'CastLike': {
        if (!x) throw new Skip('it has no input');
        this.out(node, x);
        return;
      }
      case 'Conv':
        return this.conv(node, ins);
      case 'ConvTranspose':
        return this.convTranspose(node, ins);
      case 'Gemm':
      case 'MatMul':
        return this.linear(node, ins);
      case 'BatchNormalization': {
        const from = this.needLayer(x);
        const c = (xd as number[])[1];
        for (let i = 1; i <= 4; i++) {
          const d = this.weight(ins[i], node, ['', 'scale', 'bias', 'mean', 'variance'][i], 1);
          if (d[0] !== c) throw this.bad(node, `parameter ${i} has ${d[0]} elements for ${c} channels`);
        }
        this.useParam(ins[1]);
        this.useParam(ins[2]);
        this.useParam(ins[3], 'buffer');
        this.useParam(ins[4], 'buffer');
        this.layerOut(node, { op: 'batchnorm' }, [from], xd as number[]);
        return;
      }
      case 'Relu':
      case 'Sigmoid':
      case 'Tanh':
      case 'HardSwish':
      case 'Gelu':
      case 'Softmax': {
        const from = this.needLayer(x);
        if (op === 'Gelu' && attrString(node, 'approximate', 'none') !== 'none')
          this.notes.add('Gelu with tanh approximation is shown as gelu.');
        this.layerOut(node, { op: ACTIVATIONS[op] }, [from], xd as number[]);
        return;
      }
      case 'LeakyRelu': {
        const from = this.needLayer(x);
        this.layerOut(
          node,
          { op: 'leaky_relu', negative_slope: attrFloat(node, 'alpha', 0.01) },
          [from],
          xd as number[],
        );
        return;
      }
      case 'Elu': {
        const from = this.needLayer(x);
        this.layerOut(node, { op: 'elu', alpha: attrFloat(node, 'alpha', 1) }, [from], xd as number[]);
        return;
      }
      case 'HardSigmoid': {
        const from = this.needLayer(x);
        const a = attrFloat(node, 'alpha', 0.2);
        if (Math.abs(a - 1 / 6) > 1e-6)
          this.notes.add(
            `HardSigmoid with alpha ${a} is shown as hardsigmoid (PyTorch's uses 1/6); cost is the same.`,
          );
        this.layerOut(node, { op: 'hardsigmoid' }, [from], xd as number[]);
        return;
      }
      case 'Clip': {
        const from = this.needLayer(x);
        const lo =
          this.opset < 11
            ? attrFloat(node, 'min', -Infinity)
            : ins[1]
              ? (ins[1].c?.values?.[0] ?? NaN)
              : -Infinity;
        const hi =
          this.opset < 11
            ? attrFloat(node, 'max', Infinity)
            : ins[2]
              ? (ins[2].c?.values?.[0] ?? NaN)
              : Infinity;
        if (Number.isNaN(lo) || Number.isNaN(hi)) throw new Unsupported('Clip bounds computed at run time');
        if (lo === 0 && hi === Infinity) this.layerOut(node, { op: 'relu' }, [from], xd as number[]);
        else if (lo === 0 && hi === 6) this.layerOut(node, { op: 'relu6' }, [from], xd as number[]);
        else if (lo === -Infinity && hi === Infinity)
          this.layerOut(node, { op: 'identity' }, [from], xd as number[]);
        else {
          // Infinite bounds are left out: JSON has no infinity, and an absent bound is unbounded.
          const body = {
            op: 'clamp',
            ...(lo > -Infinity ? { min: lo } : {}),
            ...(hi < Infinity ? { max: hi } : {}),
          };
          this.layerOut(node, body, [from], xd as number[]);
        }
        return;
      }
      case 'Dropout': {
        const from = this.needLayer(x);
        const p = this.opset < 12 ? attrFloat(node, 'ratio', 0.5) : (ins[1]?.c?.values?.[0] ?? 0.5);
        this.layerOut(node, { op: 'dropout', p: Math.min(Math.max(p, 0), 1) }, [from], xd as number[]);
        return;
      }
      case 'Add':
      case 'Sub':
      case 'Mul':
      case 'Div':
        return this.binary(node, ins);
      case 'Sum': {
        if (ins.length === 1) {
          this.out(node, ins[0] as Val);
          return;
        }
        return this.binary(node, ins);
      }
      case 'Concat':
        return this.concat(node, ins);
      case 'MaxPool':
      case 'AveragePool':
        return this.pool(node, ins);
      case 'GlobalAveragePool':
      case 'GlobalMaxPool': {
        const from = this.needLayer(x);
        const d = xd as number[];
        if (d.length !== 4) throw new Unsupported(`${op} on ${d.length}-D input`);
        const outDims = [d[0], d[1], 1, 1];
        if (op === 'GlobalAveragePool') this.layerOut(node, { op: 'global_avgpool' }, [from], outDims);
        else {
          this.notes.add('GlobalMaxPool is shown as maxpool2d with a kernel over the whole map.');
          this.layerOut(
            node,
            { op: 'maxpool2d', kernel: [d[2], d[3]], stride: [d[2], d[3]] },
            [from],
            outDims,
          );
        }
        return;
      }
      case 'ReduceMean': {
        const from = this.needLayer(x);
        const d = xd as number[];
        const axes = (attrInts(node, 'axes') ?? ins[1]?.c?.values ?? null)
          ?.map((a) => (a < 0 ? a + d.length : a))
          .sort();
        if (d.length !== 4 || !axes || axes.length !== 2 || axes[0] !== 2 || axes[1] !== 3) {
          throw new Unsupported(`ReduceMean over axes ${axes ? axes.join(',') : 'all'}`);
        }
        const id = this.emit(this.newId(node), { op: 'global_avgpool' }, [from], [d[0], d[1], 1, 1]);
        if (attrInt(node, 'keepdims', 1) === 1) this.out(node, { dims: [d[0], d[1], 1, 1], layer: id });
        else this.out(node, { dims: [d[0], d[1]], src: id, viewNode: node });
        return;
      }
      case 'Flatten':
      case 'Reshape':
      case 'Squeeze':
      case 'Unsqueeze':
      case 'Transpose':
        return this.view(node, ins);
      case 'Pad':
        return this.pad(node, ins);
      case 'Resize':
      case 'Upsample':
        return this.resize(node, ins);
      default:
        throw new Unsupported(`operator ${op}`);
    }
  }

  private conv(node: NodeInfo, ins: (Val | undefined)[]): void {
    const from = this.needLayer(ins[0]);
    const x = ins[0]?.dims as number[];
    const w = this.weight(ins[1], node, 'weight');
    if (w.length !== 4 || x.length !== 4) throw new Unsupported(`${w.length - 2}-D convolution`);
    const [m, cg, kh, kw] = w;
    const group = attrInt(node, 'group', 1);
    if (!(group >= 1) || cg * group !== x[1] || m % group !== 0) {
      throw this.bad(node, `weight ${dimsText(w)} with group ${group} does not fit ${x[1]} input channels`);
    }
    const ks = attrInts(node, 'kernel_shape');
    if (ks && (ks.length !== 2 || ks[0] !== kh || ks[1] !== kw))
      throw this.bad(node, `kernel_shape ${dimsText(ks)} differs from the weight ${dimsText(w)}`);
    const s = pairAttr(node, 'strides', 1);
    const d = pairAttr(node, 'dilations', 1);
    const pads = windowPads(node, x, [kh, kw], s, d);
    const b = ins[2];
    if (b) {
      const bd = this.weight(b, node, 'bias', 1);
      if (bd[0] !== m) throw this.bad(node, `bias has ${bd[0]} elements for ${m} output channels`);
    }
    const outHW = [0, 1].map((i) => {
      const eff = ([kh, kw][i] - 1) * d[i] + 1;
      const num = x[2 + i] + pads[i][0] + pads[i][1] - eff;
      if (num < 0) throw this.bad(node, `kernel ${kh}×${kw} is larger than the padded input ${x[2]}×${x[3]}`);
      return Math.floor(num / s[i]) + 1;
    });
    const outDims = [x[0], m, outHW[0], outHW[1]];
    const src = this.maybePad(node, from, x, pads);
    this.useParam(ins[1]);
    this.useParam(b);
    const body: Record<string, unknown> = {
      op: 'conv2d',
      out_channels: m,
      kernel: kh === kw ? kh : [kh, kw],
      stride: s[0] === s[1] ? s[0] : s,
      padding: src.padding,
      ...(d[0] !== 1 || d[1] !== 1 ? { dilation: d[0] === d[1] ? d[0] : d } : {}),
      ...(group !== 1 ? { groups: group } : {}),
      bias: !!b,
    };
    this.layerOut(node, body, [src.from], outDims);
  }

  /** Symmetric pads go into the layer; asymmetric ones become a pad layer before it (same cost, same shape). */
  private maybePad(
    node: NodeInfo,
    from: string,
    x: number[],
    pads: [number, number][],
  ): { from: string; padding: number | number[] } {
    const [[t, bt], [l, r]] = pads;
    if (t === bt && l === r) return { from, padding: t === l ? t : [t, l] };
    this.notes.add(
      'Asymmetric padding (e.g. SAME_LOWER/SAME_UPPER with even kernels) is shown as a pad layer before the layer.',
    );
    const id = this.emit(
      this.newId(node, '/pad'),
      { op: 'pad', padding: [t, bt, l, r] },
      [from],
      [x[0], x[1], x[2] + t + bt, x[3] + l + r],
    );
    return { from: id, padding: 0 };
  }

  private convTranspose(node: NodeInfo, ins: (Val | undefined)[]): void {
    const from = this.needLayer(ins[0]);
    const x = ins[0]?.dims as number[];
    const w = this.weight(ins[1], node, 'weight');
    if (w.length !== 4 || x.length !== 4) throw new Unsupported(`${w.length - 2}-D transposed convolution`);
    const [c, mg, kh, kw] = w;
    const group = attrInt(node, 'group', 1);
    if (!(group >= 1) || c !== x[1] || c % group !== 0)
      throw this.bad(node, `weight ${dimsText(w)} does not fit ${x[1]} input channels`);
    const m = mg * group;
    const s = pairAttr(node, 'strides', 1);
    const d = pairAttr(node, 'dilations', 1);
    const op = attrInts(node, 'output_padding') ?? [0, 0];
    if (attrInts(node, 'output_shape')) throw new Unsupported('ConvTranspose with output_shape');
    if (attrString(node, 'auto_pad', 'NOTSET') !== 'NOTSET')
      throw new Unsupported('ConvTranspose with auto_pad');
    const pads = attrInts(node, 'pads') ?? [0, 0, 0, 0];
    if (pads.length !== 4 || op.length !== 2 || pads.some((p) => !(p >= 0)))
      throw new AttrError(node, 'pads', 'four non-negative integers');
    if (pads[0] !== pads[2] || pads[1] !== pads[3])
      throw new Unsupported('ConvTranspose with asymmetric pads');
    const outHW = [0, 1].map(
      (i) => s[i] * (x[2 + i] - 1) + op[i] + ([kh, kw][i] - 1) * d[i] + 1 - 2 * pads[i],
    );
    if (outHW.some((v) => v < 1)) throw this.bad(node, 'output size is below 1');
    const b = ins[2];
    if (b) this.weight(b, node, 'bias', 1);
    this.useParam(ins[1]);
    this.useParam(b);
    this.layerOut(
      node,
      {
        op: 'conv_transpose2d',
        out_channels: m,
        kernel: kh === kw ? kh : [kh, kw],
        stride: s[0] === s[1] ? s[0] : s,
        padding: pads[0] === pads[1] ? pads[0] : [pads[0], pads[1]],
        ...(op[0] || op[1] ? { output_padding: op[0] === op[1] ? op[0] : op } : {}),
        ...(d[0] !== 1 || d[1] !== 1 ? { dilation: d[0] === d[1] ? d[0] : d } : {}),
        ...(group !== 1 ? { groups: group } : {}),
        bias: !!b,
      },
      [from],
      [x[0], m, outHW[0], outHW[1]],
    );
  }

  private linear(node: NodeInfo, ins: (Val | undefined)[]): void {
    const x = ins[0];
    if (x?.dims && x.dims.length !== 2) throw new Unsupported(`${node.opType} on a ${x.dims.length}-D input`);
    const w = this.weight(ins[1], node, 'weight', 2);
    const from = this.needLayer(x);
    const xd = x?.dims as number[];
    const gemm = node.opType === 'Gemm';
    if (gemm && attrInt(node, 'transA', 0) !== 0) throw new Unsupported('Gemm with transA');
    const [k, n] = gemm && attrInt(node, 'transB', 0) === 1 ? [w[1], w[0]] : [w[0], w[1]];
    if (k !== xd[1]) throw this.bad(node, `weight ${dimsText(w)} does not fit ${xd[1]} input features`);
    const b = gemm ? ins[2] : undefined;
    if (b) {
      const bd = this.weight(b, node, 'bias');
      if (tensorElements(bd) !== n && tensorElements(bd) !== 1)
        throw new Unsupported('Gemm bias that broadcasts over the batch');
    }
    if (gemm && (attrFloat(node, 'alpha', 1) !== 1 || attrFloat(node, 'beta', 1) !== 1)) {
      this.notes.add('Gemm alpha/beta scaling is not counted (one multiply per output element).');
    }
    this.useParam(ins[1]);
    this.useParam(b);
    const id = this.layerOut(node, { op: 'linear', out_features: n, bias: !!b }, [from], [xd[0], n]);
    if (!gemm)
      this.matmulLinear.set(
        node.outputs[0],
        this.layers[this.layers.length - 1] as LayerSpec & { op: 'linear' },
      );
    void id;
  }

  private binary(node: NodeInfo, ins: (Val | undefined)[]): void {
    const op = node.opType;
    const dyn = ins.filter((v) => v && !v.c);
    const consts = ins.filter((v) => v && v.c);
    if (!dyn.length) throw new Skip('all inputs are constant');
    const first = dyn[0] as Val;
    if (op === 'Add' && dyn.length === 1 && consts.length === 1) {
      // MatMul + Add of a constant vector: the exporter's form of a linear layer with bias.
      const lin = this.matmulLinear.get(node.inputs[ins.indexOf(first)]);
      const cd = (consts[0] as Val).dims;
      if (
        lin &&
        cd &&
        tensorElements(cd) === lin.out_features &&
        cd.length <= 2 &&
        this.consumers.get(node.inputs[ins.indexOf(first)]) === 1
      ) {
        lin.bias = true;
        this.useParam(consts[0]);
        this.out(node, first);
        return;
      }
    }
    const layers: string[] = [];
    let dims: number[] | null = first.dims;
    for (const v of dyn) {
      layers.push(this.needLayer(v));
      dims = dims && v?.dims ? broadcastDims(dims, v.dims) : null;
    }
    if (!dims || !fmtShape(dims) || dyn.some((v) => (v?.dims?.length ?? 0) !== dims?.length)) {
      throw new Unsupported(`${op} broadcasting across ranks`);
    }
    // Constants become `constant_shape`: right-aligned to the graph's rank (ONNX broadcasting), batch 1.
    let outDims: number[] = dims;
    let constDims: number[] | null = null;
    for (const v of consts) {
      const cd = (v as Val).dims;
      if (!cd || cd.length > outDims.length) throw new Unsupported(`${op} with a constant of higher rank`);
      const aligned: number[] = [...new Array<number>(outDims.length - cd.length).fill(1), ...cd];
      const grown: number[] | null = aligned[0] === 1 ? broadcastDims(outDims, aligned) : null;
      if (!grown)
        throw new Unsupported(`${op} with a constant that does not broadcast over ${dimsText(outDims)}`);
      constDims = constDims ? (broadcastDims(constDims, aligned) as number[]) : aligned;
      outDims = grown;
    }
    if (consts.length > 1)
      this.notes.add(
        `${op} with ${consts.length} constant operands is shown with one constant of their broadcast shape (one op per element less per extra constant).`,
      );
    const kind = op === 'Sub' ? 'sub' : op === 'Div' ? 'div' : op === 'Mul' ? 'mul' : 'add';
    const body = { op: kind, ...(constDims ? { constant_shape: fmtShape(constDims) } : {}) };
    this.layerOut(node, body, layers, outDims);
  }

  private concat(node: NodeInfo, ins: (Val | undefined)[]): void {
    if (ins.some((v) => !v || v.c)) throw new Unsupported('Concat with a constant input');
    const froms = ins.map((v) => this.needLayer(v));
    const d0 = ins[0]?.dims as number[];
    const axis = attrInt(node, 'axis', 1);
    const a = axis < 0 ? axis + d0.length : axis;
    if (a !== 1) throw new Unsupported(`Concat along axis ${axis}`);
    const dims = [...d0];
    dims[1] = 0;
    for (const v of ins) {
      const d = v?.dims as number[];
      if (d.length !== d0.length || d.some((x, i) => i !== 1 && x !== d0[i]))
        throw this.bad(node, `inputs ${dimsText(d0)} and ${dimsText(d)} do not fit`);
      dims[1] += d[1];
    }
    this.layerOut(node, { op: 'concat' }, froms, dims);
  }

  private pool(node: NodeInfo, ins: (Val | undefined)[]): void {
    const from = this.needLayer(ins[0]);
    const x = ins[0]?.dims as number[];
    if (x.length !== 4) throw new Unsupported(`${node.opType} on ${x.length}-D input`);
    const k = pairAttr(node, 'kernel_shape', 1);
    if (!attrInts(node, 'kernel_shape')) throw new AttrError(node, 'kernel_shape', 'present');
    const s = pairAttr(node, 'strides', 1);
    const d = pairAttr(node, 'dilations', 1);
    const max = node.opType === 'MaxPool';
    if (!max && (d[0] !== 1 || d[1] !== 1)) throw new Unsupported('AveragePool with dilations');
    if (max && attrInt(node, 'storage_order', 0) !== 0)
      throw new Unsupported('MaxPool with column-major indices');
    const ceil = attrInt(node, 'ceil_mode', 0) === 1;
    const pads = windowPads(node, x, k, s, d);
    const outHW = [0, 1].map((i) => {
      const eff = (k[i] - 1) * d[i] + 1;
      const num = x[2 + i] + pads[i][0] + pads[i][1] - eff;
      if (num < 0)
        throw this.bad(node, `window ${k[0]}×${k[1]} is larger than the padded input ${x[2]}×${x[3]}`);
      let o = (ceil ? Math.ceil(num / s[i]) : Math.floor(num / s[i])) + 1;
      // A last window must start inside the input or its leading padding (PyTorch and ONNX ≥ 19).
      if (ceil && (o - 1) * s[i] >= x[2 + i] + pads[i][0]) o--;
      return o;
    });
    const src = this.maybePad(node, from, x, pads);
    if (src.padding === 0 && (pads[0][0] || pads[1][0]) && ceil)
      throw new Unsupported(`${node.opType} with ceil_mode and asymmetric pads`);
    const body: Record<string, unknown> = {
      op: max ? 'maxpool2d' : 'avgpool2d',
      kernel: k[0] === k[1] ? k[0] : k,
      stride: s[0] === s[1] ? s[0] : s,
      padding: src.padding,
      ...(max && (d[0] !== 1 || d[1] !== 1) ? { dilation: d[0] === d[1] ? d[0] : d } : {}),
      ...(ceil ? { ceil_mode: true } : {}),
    };
    this.layerOut(node, body, [src.from], [x[0], x[1], outHW[0], outHW[1]]);
  }

  private view(node: NodeInfo, ins: (Val | undefined)[]): void {
    const x = ins[0];
    if (!x) throw new Skip('it has no input');
    if (x.broken) throw new Skip(x.broken);
    const d = x.dims;
    if (!d) throw new Skip('its input has an unknown shape');
    const op = node.opType;
    let out: number[] | null;
    if (op === 'Flatten') out = flattenDims(d, attrInt(node, 'axis', 1));
    else if (op === 'Reshape') {
      const shape = ins[1]?.c?.values;
      if (!shape) throw new Unsupported('Reshape to a shape computed at run time');
      out = reshapeDims(d, shape, attrInt(node, 'allowzero', 0) === 1);
    } else if (op === 'Squeeze')
      out = squeezeDims(d, attrInts(node, 'axes') ?? ins[1]?.c?.values ?? undefined);
    else if (op === 'Unsqueeze') {
      const axes = attrInts(node, 'axes') ?? ins[1]?.c?.values;
      if (!axes) throw new Unsupported('Unsqueeze with axes computed at run time');
      out = unsqueezeDims(d, axes);
    } else {
      const perm = attrInts(node, 'perm') ?? d.map((_, i) => d.length - 1 - i);
      if (perm.length !== d.length || [...perm].sort().some((v, i) => v !== i))
        throw new AttrError(node, 'perm', 'a permutation of the axes');
      out = perm.map((i) => d[i]);
      // A transpose that keeps the element order of the format's layout would be rare; others reorder data.
      if (!perm.every((p, i) => p === i || d[p] === 1)) {
        const src = x.layer ?? x.src;
        if (!src) throw new Skip('its input has no layer');
        this.out(node, { dims: out, src, viewNode: node });
        // Reordering the data is only expressible when the consumer sees the same shape.
        return;
      }
    }
    if (!out) throw this.bad(node, `cannot produce a valid shape from ${dimsText(d)}`);
    const src = x.layer ?? x.src;
    if (!src) throw new Skip('its input has no layer');
    const srcDims = this.layerDims.get(src) as number[];
    if (sameDims(out, srcDims)) this.out(node, { dims: out, layer: src });
    else this.out(node, { dims: out, src, viewNode: x.viewNode && !x.layer ? x.viewNode : node });
  }

  private pad(node: NodeInfo, ins: (Val | undefined)[]): void {
    const from = this.needLayer(ins[0]);
    const x = ins[0]?.dims as number[];
    const raw = this.opset < 11 ? attrInts(node, 'pads') : ins[1]?.c?.values;
    if (!raw) throw new Unsupported('Pad with pads computed at run time');
    const rank = x.length;
    const axes = (ins[3]?.c?.values ?? x.map((_, i) => i)).map((a) => (a < 0 ? a + rank : a));
    if (raw.length !== 2 * axes.length)
      throw this.bad(node, `pads has ${raw.length} values for ${axes.length} axes`);
    const full = new Array<number>(2 * rank).fill(0);
    axes.forEach((a, i) => {
      full[a] = raw[i];
      full[a + rank] = raw[i + axes.length];
    });
    if (full.some((p) => p < 0)) throw new Unsupported('Pad with negative pads (cropping)');
    if (rank !== 4 || full[0] || full[1] || full[4] || full[5])
      throw new Unsupported('Pad outside the spatial dimensions');
    const mode = attrString(node, 'mode', 'constant');
    const fmtMode = mode === 'edge' ? 'replicate' : mode;
    if (fmtMode !== 'constant' && fmtMode !== 'reflect' && fmtMode !== 'replicate')
      throw new Unsupported(`Pad mode "${mode}"`);
    const [t, l, b, r] = [full[2], full[3], full[6], full[7]];
    this.layerOut(
      node,
      { op: 'pad', padding: [t, b, l, r], ...(fmtMode !== 'constant' ? { mode: fmtMode } : {}) },
      [from],
      [x[0], x[1], x[2] + t + b, x[3] + l + r],
    );
  }

  private resize(node: NodeInfo, ins: (Val | undefined)[]): void {
    const from = this.needLayer(ins[0]);
    const x = ins[0]?.dims as number[];
    if (x.length !== 4) throw new Unsupported(`${node.opType} on ${x.length}-D input`);
    const mode = attrString(node, 'mode', 'nearest');
    const fmtMode =
      mode === 'nearest' ? 'nearest' : mode === 'linear' || mode === 'bilinear' ? 'bilinear' : null;
    if (!fmtMode) throw new Unsupported(`${node.opType} mode "${mode}"`);
    if (node.attrs.has('axes')) throw new Unsupported(`${node.opType} with axes`);
    let sizes: number[] | null = null;
    let scales: number[] | null = null;
    if (node.opType === 'Upsample')
      scales =
        this.opset < 9
          ? ((node.attrs.get('scales')?.value as number[] | undefined) ?? null)
          : (ins[1]?.c?.values ?? null);
    else if (this.opset < 11) scales = ins[1]?.c?.values ?? null;
    else {
      const sz = ins[3]?.c?.values;
      if (sz && sz.length) sizes = sz;
      else scales = ins[2]?.c?.values ?? null;
    }
    let outHW: number[];
    let spec: Record<string, unknown>;
    if (sizes) {
      if (sizes.length !== 4 || sizes[0] !== x[0] || sizes[1] !== x[1])
        throw new Unsupported(`${node.opType} that changes batch or channels`);
      outHW = [sizes[2], sizes[3]];
      spec = { size: outHW[0] === outHW[1] ? outHW[0] : outHW };
    } else if (scales && scales.length === 4) {
      if (scales[0] !== 1 || scales[1] !== 1)
        throw new Unsupported(`${node.opType} that scales batch or channels`);
      if (!(scales[2] > 0 && scales[3] > 0)) throw this.bad(node, 'scales must be positive');
      outHW = [Math.floor(x[2] * scales[2]), Math.floor(x[3] * scales[3])];
      spec = { scale: scales[2] === scales[3] ? scales[2] : [scales[2], scales[3]] };
    } else throw new Unsupported(`${node.opType} with scales or sizes computed at run time`);
    if (outHW.some((v) => !Number.isSafeInteger(v) || v < 1))
      throw this.bad(node, `output size ${outHW.join('×')} is invalid`);
    this.layerOut(node, { op: 'upsample', ...spec, mode: fmtMode }, [from], [x[0], x[1], outHW[0], outHW[1]]);
  }
}

function opKey(n: NodeInfo): string {
  return n.domain && n.domain !== 'ai.onnx' ? `${n.domain}::${n.opType}` : n.opType;
}

function constTensor(node: NodeInfo): TensorInfo | undefined {
  const a = node.attrs.get('value');
  return a?.type === 'tensor' ? a.value : undefined;
}

/** Converts a read ONNX model into the ConvScope model format, listing what it could not express. */
export function convertOnnx(info: OnnxModelInfo, options: ConvertOptions = {}): OnnxImport {
  return new Converter(info, options).run();
}
