import type { IntOrPair, Pair } from '../model/shape';
import { type FormulaTrace, tex, trace } from './latex';

/**
 * Which input pixels (relative to `start`) one output unit sees, when that set is not one solid
 * interval: `null` = solid, a bitmap of length `size` = exact set, 'untracked' = has holes but the
 * set grew too large or went fractional to follow exactly.
 */
export type RfHoles = null | Uint8Array | 'untracked';

/**
 * Receptive field of one spatial dimension after some layer (Araujo et al., Distill 2019):
 * output unit i sees input pixels [i·jump + start, i·jump + start + size − 1]; the effective padding
 * is P = −start.
 */
export interface RfDim {
  size: number;
  jump: number;
  start: number;
  holes: RfHoles;
}

/** Receptive field of a layer's output, per spatial dimension [h, w]. */
export interface ReceptiveField {
  size: Pair;
  jump: Pair;
  /** Effective padding P = −start. */
  padding: Pair;
  /** Input coordinate of the first pixel seen by output unit 0 (may be negative: padding). */
  start: Pair;
  /** Whether some input pixels inside the RF are never seen (e.g. stride larger than the kernel). */
  hasHoles: boolean;
}

/** The RF of the input image itself: one pixel, jump 1. */
export const RF_INPUT: RfDim = { size: 1, jump: 1, start: 0, holes: null };

/** Bitmaps longer than this are not tracked; the RF is then reported as having holes, untracked. */
const MAX_TRACKED = 1 << 20;

function spread(prev: RfDim, taps: number, gap: number, outSize: number): RfHoles {
  if (prev.holes === 'untracked') return 'untracked';
  if (prev.holes === null && (taps === 1 || gap <= prev.size)) return null;
  if (!Number.isInteger(gap) || outSize > MAX_TRACKED || taps * prev.size > MAX_TRACKED * 4)
    return 'untracked';
  const out = new Uint8Array(outSize);
  const src = prev.holes;
  for (let t = 0; t < taps; t++) {
    const off = t * gap;
    for (let i = 0; i < prev.size; i++) if (src === null || src[i]) out[off + i] = 1;
  }
  return solidOrBitmap(out);
}

function solidOrBitmap(bits: Uint8Array): RfHoles {
  for (let i = 0; i < bits.length; i++) if (!bits[i]) return bits;
  return null;
}

/**
 * One convolution or pooling window along one dimension:
 *   K_eff = d(K − 1) + 1,  r_out = r_in + (K_eff − 1)·j_in,  j_out = j_in·S,  start_out = start_in − P_b·j_in
 */
export function rfConv1d(
  prev: RfDim,
  kernel: number,
  stride: number,
  dilation: number,
  padBefore: number,
): RfDim {
  const keff = dilation * (kernel - 1) + 1;
  const size = prev.size + (keff - 1) * prev.jump;
  return {
    size,
    jump: prev.jump * stride,
    start: prev.start - padBefore * prev.jump,
    holes: spread(prev, kernel, dilation * prev.jump, size),
  };
}

/**
 * A layer whose every output depends on all X positions of its input (global pooling, flatten):
 * a window of K = S = X.
 */
export function rfCollapse1d(prev: RfDim, extent: number): RfDim {
  return rfConv1d(prev, extent, extent, 1, 0);
}

/**
 * Transposed convolution: output o reads inputs i with i·S + t·d − P = o, so at most ⌈K_eff / S⌉
 * inputs and the jump shrinks to j_in / S. Unit 0 reads i from ⌈(P − K_eff + 1) / S⌉; the size is the
 * largest over the S output phases.
 */
export function rfConvTranspose1d(
  prev: RfDim,
  kernel: number,
  stride: number,
  dilation: number,
  pad: number,
): RfDim {
  const keff = dilation * (kernel - 1) + 1;
  const n = Math.ceil(keff / stride);
  const lo = Math.ceil((pad - keff + 1) / stride);
  return {
    size: prev.size + (n - 1) * prev.jump,
    jump: prev.jump / stride,
    start: prev.start + lo * prev.jump,
    holes: prev.holes === null ? null : 'untracked',
  };
}

/** Upsampling by `scale`: jump / scale; bilinear reads two neighbours, so the RF grows by one jump. */
export function rfUpsample1d(prev: RfDim, scale: number, mode: 'nearest' | 'bilinear'): RfDim {
  return {
    size: mode === 'bilinear' ? prev.size + prev.jump : prev.size,
    jump: prev.jump / scale,
    start: prev.start,
    holes: prev.holes === null ? null : 'untracked',
  };
}

/** Explicit padding shifts the window: start_out = start_in − P_b·j_in. */
export function rfPad1d(prev: RfDim, padBefore: number): RfDim {
  return { size: prev.size, jump: prev.jump, start: prev.start - padBefore * prev.jump, holes: prev.holes };
}

export interface RfMergeResult {
  rf: RfDim;
  /** Branch RF centres differ (the max-size rule would be wrong here). */
  misaligned: boolean;
  jumpMismatch: boolean;
}

/**
 * Where branches meet (add, mul, concat), output unit 0 depends on the union of the branches' RF
 * intervals; its hull is [min start, max (start + size − 1)]. Branches flagged `broadcast` (a 1×1 map
 * spread over the whole plane, as in squeeze-and-excitation) join the hull but not the alignment check.
 */
export function rfMerge1d(branches: readonly RfDim[], broadcast: readonly boolean[]): RfMergeResult {
  let lo = Infinity;
  let hi = -Infinity;
  let jump = 0;
  let jumpMismatch = false;
  let misaligned = false;
  let centre: number | undefined;
  let refJump: number | undefined;
  for (let b = 0; b < branches.length; b++) {
    const br = branches[b];
    lo = Math.min(lo, br.start);
    hi = Math.max(hi, br.start + br.size - 1);
    if (broadcast[b]) continue;
    const c = br.start + (br.size - 1) / 2;
    if (centre === undefined) centre = c;
    else if (c !== centre) misaligned = true;
    if (refJump === undefined) refJump = br.jump;
    else if (br.jump !== refJump) jumpMismatch = true;
    jump = Math.max(jump, br.jump);
  }
  if (jump === 0) jump = Math.max(...branches.map((b) => b.jump));
  const size = hi - lo + 1;
  return { rf: { size, jump, start: lo, holes: mergeHoles(branches, lo, size) }, misaligned, jumpMismatch };
}

function mergeHoles(branches: readonly RfDim[], lo: number, size: number): RfHoles {
  let solid = true;
  for (const b of branches) {
    if (b.holes === 'untracked') return 'untracked';
    if (b.holes !== null) solid = false;
  }
  if (solid) {
    // Solid intervals: the union is solid unless a gap separates them. Two (a residual add) need no sort.
    if (branches.length === 2) {
      const [a, b] = branches[0].start <= branches[1].start ? branches : [branches[1], branches[0]];
      if (b.start <= a.start + a.size) return null;
    }
    const sorted = [...branches].sort((a, b) => a.start - b.start);
    let end = sorted[0].start + sorted[0].size;
    let gap = false;
    for (const b of sorted) {
      if (b.start > end) gap = true;
      end = Math.max(end, b.start + b.size);
    }
    if (!gap) return null;
  }
  if (size > MAX_TRACKED || branches.some((b) => !Number.isInteger(b.start))) return 'untracked';
  const bits = new Uint8Array(size);
  for (const b of branches) {
    const off = b.start - lo;
    for (let i = 0; i < b.size; i++) if (b.holes === null || b.holes[i]) bits[off + i] = 1;
  }
  return solidOrBitmap(bits);
}

export function toReceptiveField(h: RfDim, w: RfDim): ReceptiveField {
  return {
    size: [h.size, w.size],
    jump: [h.jump, w.jump],
    // `0 - start` rather than `-start`: keeps a zero start from becoming −0 (JSON, Object.is).
    padding: [0 - h.start, 0 - w.start],
    start: [h.start, w.start],
    hasHoles: h.holes !== null || w.holes !== null,
  };
}

/** Formula traces of a conv-like RF step (r, j, P), with this layer's numbers. */
export function rfConvFormulas(
  prev: readonly [RfDim, RfDim],
  next: readonly [RfDim, RfDim],
  kernel: Pair,
  stride: Pair,
  dilation: Pair,
  padBefore: Pair,
): FormulaTrace[] {
  const out: FormulaTrace[] = [];
  const dims = ['h', 'w'] as const;
  for (let i = 0; i < 2; i++) {
    const p = prev[i];
    const n = next[i];
    const keff = dilation[i] * (kernel[i] - 1) + 1;
    out.push(
      trace(
        `rf.size.${dims[i]}`,
        'r_{out} = r_{in} + (K_{eff} - 1) \\cdot j_{in},\\; K_{eff} = d(K-1)+1',
        `r_{out} = ${tex(p.size)} + (${keff} - 1) \\cdot ${tex(p.jump)} = ${tex(n.size)}`,
        n.size,
      ),
      trace(
        `rf.jump.${dims[i]}`,
        'j_{out} = j_{in} \\cdot S',
        `j_{out} = ${tex(p.jump)} \\cdot ${stride[i]} = ${tex(n.jump)}`,
        n.jump,
      ),
      trace(
        `rf.padding.${dims[i]}`,
        'P_{out} = P_{in} + P_b \\cdot j_{in}',
        `P_{out} = ${tex(-p.start)} + ${padBefore[i]} \\cdot ${tex(p.jump)} = ${tex(-n.start)}`,
        0 - n.start,
      ),
    );
  }
  return out;
}

/** One layer of a plain stack, for {@link receptiveFieldOfStack}. */
export interface StackLayer {
  kernel: IntOrPair;
  stride?: IntOrPair;
  dilation?: IntOrPair;
  /** Padding before each dimension (symmetric padding P counts as P before). Default 0. */
  padding?: IntOrPair;
}

export interface StackRfRow extends ReceptiveField {
  index: number;
  formulas: FormulaTrace[];
}

function pair(v: IntOrPair | undefined, dflt: number): Pair {
  if (v === undefined) return [dflt, dflt];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/**
 * Receptive field after each layer of a plain stack (no branches), using the same per-layer step as
 * the model analysis. RF_0 = 1, jump_0 = 1; RF_l = RF_{l−1} + (K_eff,l − 1)·Π_{i<l} S_i.
 */
export function receptiveFieldOfStack(layers: readonly StackLayer[]): StackRfRow[] {
  let cur: [RfDim, RfDim] = [RF_INPUT, RF_INPUT];
  const rows: StackRfRow[] = [];
  layers.forEach((layer, index) => {
    const k = pair(layer.kernel, 1);
    const s = pair(layer.stride, 1);
    const d = pair(layer.dilation, 1);
    const p = pair(layer.padding, 0);
    const next: [RfDim, RfDim] = [
      rfConv1d(cur[0], k[0], s[0], d[0], p[0]),
      rfConv1d(cur[1], k[1], s[1], d[1], p[1]),
    ];
    rows.push({
      index,
      ...toReceptiveField(next[0], next[1]),
      formulas: rfConvFormulas(cur, next, k, s, d, p),
    });
    cur = next;
  });
  return rows;
}
