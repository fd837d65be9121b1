/** The analysed row of one layer, with its formula traces built on first access. */
import { type FormulaTrace, tex, trace } from '../formulas/latex';
import { RF_INPUT } from '../formulas/receptive-field';
import type { Shape } from '../model/shape';
import type { LayerSpec } from '../model/types';
import { computeLayer } from './compute';
import type { OpResult, Rf2 } from './ops';
import { numel } from './ops';
import type { AnalysisOptions, LayerAnalysis, OtherOps } from './types';

/**
 * One analysed layer. Formula traces are built on first access (`formulas` is a getter on the
 * prototype): most analyses (live editing, benchmarks, the CLI) never read them, and building or even
 * preparing thousands of LaTeX strings per model would dominate time and memory. The context needed
 * to rebuild them lives in private fields, so JSON.stringify and structuredClone see plain data only;
 * use {@link layerWithFormulas} to send a row with its formulas across a worker or IPC boundary.
 */
/**
 * Symbol keys keep the rebuild context out of JSON and structuredClone, and, unlike `#private`
 * fields, still work when a row is read through a Proxy (e.g. a Vue reactive wrapper).
 */
const CTX = Symbol('convscope.layerContext');
const CACHE = Symbol('convscope.formulas');

/** What all rows of one analysis share for rebuilding formulas (one object, not one per row). */
export interface SharedContext {
  options: AnalysisOptions;
  bytes: number;
  /** The RF of the whole model input (attention, recurrence). */
  whole: Rf2;
}
const LAYER = Symbol('convscope.layer');
/** The rows a layer reads (null: the model input); one row is stored without an array. */
const SOURCES = Symbol('convscope.sources');

export class LayerRow implements LayerAnalysis {
  id: string;
  op: LayerAnalysis['op'];
  inputs: string[];
  inputShapes: Shape[];
  outputShape: Shape;
  outputElements: number;
  params: LayerAnalysis['params'];
  macs: number;
  ops: OtherOps;
  flops: number;
  activation: LayerAnalysis['activation'];
  memoryAccess: LayerAnalysis['memoryAccess'];
  arithmeticIntensity: number;
  cumulative: LayerAnalysis['cumulative'];
  rf: LayerAnalysis['rf'];
  outputSizeTrace: LayerAnalysis['outputSizeTrace'];
  // Declared, not initialised: only unsupported rows carry the key.
  declare unsupported?: string;
  [CTX]: SharedContext;
  [LAYER]: LayerSpec;
  [SOURCES]: LayerAnalysis | null | (LayerAnalysis | null)[];
  [CACHE]: FormulaTrace[] | undefined;

  constructor(
    d: Omit<LayerAnalysis, 'formulas'>,
    layer: LayerSpec,
    sources: LayerAnalysis | null | (LayerAnalysis | null)[],
    ctx: SharedContext,
  ) {
    this.id = d.id;
    this.op = d.op;
    this.inputs = d.inputs;
    this.inputShapes = d.inputShapes;
    this.outputShape = d.outputShape;
    this.outputElements = d.outputElements;
    this.params = d.params;
    this.macs = d.macs;
    this.ops = d.ops;
    this.flops = d.flops;
    this.activation = d.activation;
    this.memoryAccess = d.memoryAccess;
    this.arithmeticIntensity = d.arithmeticIntensity;
    this.cumulative = d.cumulative;
    this.rf = d.rf;
    this.outputSizeTrace = d.outputSizeTrace;
    if (d.unsupported !== undefined) this.unsupported = d.unsupported;
    this[CTX] = ctx;
    this[LAYER] = layer;
    this[SOURCES] = sources;
    this[CACHE] = undefined;
  }

  get formulas(): FormulaTrace[] {
    let cache = this[CACHE];
    if (!cache) {
      const ctx = this[CTX];
      const src = this[SOURCES];
      const sources = Array.isArray(src) ? src : [src];
      const inRfs = sources.map(rfOfRow);
      const c = computeLayer(this[LAYER], this.inputShapes, inRfs, this.inputs, true, ctx.whole);
      cache = this[CACHE] = [
        ...c.formulas(),
        ...commonFormulas(this, ctx.options, ctx.bytes, this.inputShapes, c),
        ...c.rfFormulas(),
      ];
    }
    return cache;
  }
}

/** A plain copy of a row with its formula traces as data (for postMessage, IPC or JSON). */
export function layerWithFormulas(row: LayerAnalysis): LayerAnalysis {
  return { ...row, formulas: row.formulas };
}

/** The RF state a row's output had (holes are only needed for tracking, not for formulas). */
function rfOfRow(row: LayerAnalysis | null): Rf2 {
  if (!row) return [RF_INPUT, RF_INPUT];
  const r = row.rf;
  const holes = r.hasHoles ? 'untracked' : null;
  return [
    { size: r.size[0], jump: r.jump[0], start: r.start[0], holes },
    { size: r.size[1], jump: r.jump[1], start: r.start[1], holes },
  ];
}

function commonFormulas(
  row: LayerAnalysis,
  options: AnalysisOptions,
  bytes: number,
  inShapes: Shape[],
  c: OpResult,
): FormulaTrace[] {
  const f: FormulaTrace[] = [];
  const o = row.ops;
  const terms: [string, string, number][] = [];
  const mult = options.convention === 'flops' ? 2 : 1;
  if (row.macs)
    terms.push([
      mult === 2 ? '2 \\cdot \\text{MACs}' : '\\text{MACs}',
      mult === 2 ? `2 \\cdot ${tex(row.macs)}` : tex(row.macs),
      mult * row.macs,
    ]);
  if (options.countBias && o.bias) terms.push(['\\text{bias}', tex(o.bias), o.bias]);
  if (options.countNorm && o.norm) terms.push(['\\text{norm}', tex(o.norm), o.norm]);
  if (options.countActivations && o.activation) terms.push(['\\text{act}', tex(o.activation), o.activation]);
  if (options.countPooling && o.pooling) terms.push(['\\text{pool}', tex(o.pooling), o.pooling]);
  if (options.countElementwise && o.elementwise)
    terms.push(['\\text{elementwise}', tex(o.elementwise), o.elementwise]);
  f.push(
    terms.length
      ? trace(
          'flops',
          `\\text{FLOPs} = ${terms.map((t) => t[0]).join(' + ')}`,
          `${terms.map((t) => t[1]).join(' + ')} = ${tex(row.flops)}`,
          row.flops,
        )
      : trace('flops', '\\text{FLOPs} = 0', '0', 0),
  );
  const rank = row.outputShape.length;
  const dims = rank === 3 ? 'C \\cdot H \\cdot W' : rank === 2 ? 'T \\cdot D' : 'N';
  f.push(
    trace(
      'outputElements',
      dims,
      `${row.outputShape.join(' \\cdot ')} = ${tex(row.outputElements)}`,
      row.outputElements,
    ),
    row.activation.inplace
      ? trace('activation.bytes', '0 \\text{ (in place)}', '0', 0)
      : trace(
          'activation.bytes',
          '\\text{elements} \\cdot b',
          `${tex(row.outputElements)} \\cdot ${bytes} = ${tex(row.activation.bytes)}`,
          row.activation.bytes,
        ),
  );
  const m = row.memoryAccess;
  if (m.totalBytes === 0) {
    f.push(trace('memoryAccess.totalBytes', '0 \\text{ (view, no data moved)}', '0', 0));
  } else {
    const inElems = inShapes.reduce((a, s) => a + numel(s), 0);
    const wElems = row.params.total + c.inferenceBuffers;
    f.push(
      trace(
        'memoryAccess.inputBytes',
        '\\text{input elements} \\cdot b',
        `${tex(inElems)} \\cdot ${bytes} = ${tex(m.inputBytes)}`,
        m.inputBytes,
      ),
      trace(
        'memoryAccess.weightBytes',
        '(\\text{params} + \\text{inference buffers}) \\cdot b',
        `${tex(wElems)} \\cdot ${bytes} = ${tex(m.weightBytes)}`,
        m.weightBytes,
      ),
      trace(
        'memoryAccess.outputBytes',
        '\\text{output elements} \\cdot b',
        `${tex(row.outputElements)} \\cdot ${bytes} = ${tex(m.outputBytes)}`,
        m.outputBytes,
      ),
      trace(
        'memoryAccess.totalBytes',
        '\\text{in} + \\text{weights} + \\text{out}',
        `${tex(m.inputBytes)} + ${tex(m.weightBytes)} + ${tex(m.outputBytes)} = ${tex(m.totalBytes)}`,
        m.totalBytes,
      ),
      trace(
        'arithmeticIntensity',
        '\\frac{\\text{FLOPs}}{\\text{bytes}}',
        `\\frac{${tex(row.flops)}}{${tex(m.totalBytes)}} = ${tex(row.arithmeticIntensity)}`,
        row.arithmeticIntensity,
      ),
    );
  }
  return f;
}
