import type { FArray } from '../types';
import { alloc } from '../types';
import { type Map3, dtypeOf, kernelsFor } from './tensor';

/**
 * Geometry of a 2-D convolution (torch.nn.Conv2d): weight [C_out, C_in/g, K_h, K_w], padding before
 * each dimension (the padding after only changes the output size, which is given).
 */
export interface Conv2dGeometry {
  inChannels: number;
  outChannels: number;
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  padBefore: [number, number];
  groups: number;
  /** Input size [H, W]. */
  inSize: [number, number];
  /** Output size [H_out, W_out], M = ⌊(X + P_b + P_a − d(K − 1) − 1) / S⌋ + 1. */
  outSize: [number, number];
}

/** Weights of one group: K = C_in/g · K_h · K_w columns per output channel. */
export function convFanIn(g: Conv2dGeometry): number {
  return (g.inChannels / g.groups) * g.kernel[0] * g.kernel[1];
}

/**
 * im2col of one group: col[(c·K_h + ky)·K_w + kx][oy·W_out + ox] = x[c0 + c][oy·S_h − P_h + ky·d_h][ox·S_w − P_w + kx·d_w],
 * 0 outside the input (zero padding).
 */
function im2col(x: Map3, c0: number, g: Conv2dGeometry, col: FArray): void {
  const [kh, kw] = g.kernel;
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const [ph, pw] = g.padBefore;
  const [oh, ow] = g.outSize;
  const cin = g.inChannels / g.groups;
  const { h, w, data } = x;
  const n = oh * ow;
  for (let c = 0; c < cin; c++) {
    const plane = (c0 + c) * h * w;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * n;
        const offX = kx * dw - pw;
        // Valid ox: 0 ≤ ox·S_w + offX < W.
        const oxLo = Math.max(0, Math.ceil(-offX / sw));
        const oxHi = Math.min(ow, Math.ceil((w - offX) / sw));
        for (let oy = 0; oy < oh; oy++) {
          const iy = oy * sh - ph + ky * dh;
          const dst = row + oy * ow;
          if (iy < 0 || iy >= h || oxLo >= oxHi) {
            col.fill(0, dst, dst + ow);
            continue;
          }
          const src = plane + iy * w + offX;
          for (let ox = 0; ox < oxLo; ox++) col[dst + ox] = 0;
          for (let ox = oxLo; ox < oxHi; ox++) col[dst + ox] = data[src + ox * sw];
          for (let ox = Math.max(oxHi, oxLo); ox < ow; ox++) col[dst + ox] = 0;
        }
      }
    }
  }
}

/** col2im of one group: the transpose of im2col, adding every column entry back onto its input pixel. */
function col2im(col: FArray, c0: number, g: Conv2dGeometry, dx: Map3): void {
  const [kh, kw] = g.kernel;
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const [ph, pw] = g.padBefore;
  const [oh, ow] = g.outSize;
  const cin = g.inChannels / g.groups;
  const { h, w, data } = dx;
  const n = oh * ow;
  for (let c = 0; c < cin; c++) {
    const plane = (c0 + c) * h * w;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const row = ((c * kh + ky) * kw + kx) * n;
        const offX = kx * dw - pw;
        const oxLo = Math.max(0, Math.ceil(-offX / sw));
        const oxHi = Math.min(ow, Math.ceil((w - offX) / sw));
        for (let oy = 0; oy < oh; oy++) {
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= h) continue;
          const src = row + oy * ow;
          const dst = plane + iy * w + offX;
          for (let ox = oxLo; ox < oxHi; ox++) data[dst + ox * sw] += col[src + ox];
        }
      }
    }
  }
}

/** A 1×1 convolution with stride 1 and no padding reads its input as the column matrix itself. */
function isPointwise(g: Conv2dGeometry): boolean {
  return (
    g.kernel[0] === 1 &&
    g.kernel[1] === 1 &&
    g.stride[0] === 1 &&
    g.stride[1] === 1 &&
    g.padBefore[0] === 0 &&
    g.padBefore[1] === 0
  );
}

function checkInput(x: Map3, g: Conv2dGeometry): void {
  if (x.c !== g.inChannels || x.h !== g.inSize[0] || x.w !== g.inSize[1])
    throw new Error(
      `conv2d expects a ${g.inChannels}×${g.inSize[0]}×${g.inSize[1]} input, got ${x.c}×${x.h}×${x.w}`,
    );
}

/**
 * Forward pass, per group through im2col and the engine's matrix product:
 *   Y_g[C_out/g × M] = W_g[C_out/g × K] · col_g[K × M] (+ b),  M = H_out·W_out, K = C_in/g·K_h·K_w
 */
export function conv2dForward(x: Map3, g: Conv2dGeometry, weight: FArray, bias: FArray | null): Map3 {
  checkInput(x, g);
  const [oh, ow] = g.outSize;
  const n = oh * ow;
  const k = convFanIn(g);
  const coutG = g.outChannels / g.groups;
  const dtype = dtypeOf(x.data);
  const kern = kernelsFor(x.data);
  const y: Map3 = { c: g.outChannels, h: oh, w: ow, data: alloc(dtype, g.outChannels * n) };
  const pointwise = isPointwise(g);
  const col = pointwise ? null : alloc(dtype, k * n);
  for (let gi = 0; gi < g.groups; gi++) {
    const c0 = gi * (g.inChannels / g.groups);
    let b: FArray;
    if (col) {
      im2col(x, c0, g, col);
      b = col;
    } else b = x.data.subarray(c0 * n, c0 * n + k * n);
    const wg = weight.subarray(gi * coutG * k, (gi + 1) * coutG * k);
    const yg = y.data.subarray(gi * coutG * n, (gi + 1) * coutG * n);
    kern.gemmNN(wg, b, yg, coutG, k, n, false);
  }
  if (bias) {
    for (let co = 0; co < g.outChannels; co++) {
      const bv = bias[co];
      const o = co * n;
      for (let i = 0; i < n; i++) y.data[o + i] += bv;
    }
  }
  return y;
}

export interface Conv2dGrads {
  /** ∂L/∂x (null when not asked for). */
  dx: Map3 | null;
  /** ∂L/∂W, same layout as the weight (null when not asked for). */
  dWeight: FArray | null;
  /** ∂L/∂b = Σ_{y,x} ∂L/∂Y[c] (null without bias or when not asked for). */
  dBias: FArray | null;
}

/**
 * Backward pass:
 *   ∂L/∂col_g = W_gᵀ · ∂L/∂Y_g, then col2im (the input gradient);
 *   ∂L/∂W_g = ∂L/∂Y_g · col_gᵀ;  ∂L/∂b_c = Σ_pixels ∂L/∂Y_c.
 * `x` is needed only for the weight gradient.
 */
export function conv2dBackward(
  dy: Map3,
  g: Conv2dGeometry,
  weight: FArray,
  x: Map3 | null,
  want: { input: boolean; weight: boolean; bias: boolean },
): Conv2dGrads {
  const [oh, ow] = g.outSize;
  const n = oh * ow;
  if (dy.c !== g.outChannels || dy.h !== oh || dy.w !== ow)
    throw new Error(
      `conv2d: output gradient ${dy.c}×${dy.h}×${dy.w} does not match ${g.outChannels}×${oh}×${ow}`,
    );
  const k = convFanIn(g);
  const cinG = g.inChannels / g.groups;
  const coutG = g.outChannels / g.groups;
  const dtype = dtypeOf(dy.data);
  const kern = kernelsFor(dy.data);
  const pointwise = isPointwise(g);
  const col = pointwise ? null : alloc(dtype, k * n);
  let dx: Map3 | null = null;
  let dWeight: FArray | null = null;
  if (want.input) {
    const [inH, inW] = g.inSize;
    dx = { c: g.inChannels, h: inH, w: inW, data: alloc(dtype, g.inChannels * inH * inW) };
  }
  if (want.weight) {
    if (!x) throw new Error('conv2d: the weight gradient needs the layer input');
    checkInput(x, g);
    dWeight = alloc(dtype, weight.length);
  }
  for (let gi = 0; gi < g.groups; gi++) {
    const c0 = gi * cinG;
    const wg = weight.subarray(gi * coutG * k, (gi + 1) * coutG * k);
    const dyg = dy.data.subarray(gi * coutG * n, (gi + 1) * coutG * n);
    if (dx) {
      if (col) {
        kern.gemmTN(wg, dyg, col, k, coutG, n, false);
        col2im(col, c0, g, dx);
      } else {
        kern.gemmTN(wg, dyg, dx.data.subarray(c0 * n, c0 * n + k * n), k, coutG, n, false);
      }
    }
    if (dWeight && x) {
      let b: FArray;
      if (col) {
        im2col(x, c0, g, col);
        b = col;
      } else b = x.data.subarray(c0 * n, c0 * n + k * n);
      // dW = dy · colᵀ: the kernels read the column matrix transposed, no copy of it.
      kern.gemmNT(dyg, b, dWeight.subarray(gi * coutG * k, (gi + 1) * coutG * k), coutG, n, k, false);
    }
  }
  let dBias: FArray | null = null;
  if (want.bias) {
    dBias = alloc(dtype, g.outChannels);
    for (let co = 0; co < g.outChannels; co++) {
      let s = 0;
      const o = co * n;
      for (let i = 0; i < n; i++) s += dy.data[o + i];
      dBias[co] = s;
    }
  }
  return { dx, dWeight, dBias };
}
