import { alloc } from '../types';
import { type Map3, dtypeOf } from './tensor';

/** Geometry of a pooling window (torch.nn.MaxPool2d / AvgPool2d), the output size given. */
export interface Pool2dGeometry {
  kernel: [number, number];
  stride: [number, number];
  /** Max pooling only; 1 for average pooling. */
  dilation: [number, number];
  padBefore: [number, number];
  inSize: [number, number];
  outSize: [number, number];
}

export interface MaxPoolResult {
  y: Map3;
  /** For each output, the flat input index (within its channel plane) of the maximum; −1 when the window is all padding. */
  argmax: Int32Array;
}

/**
 * Max pooling: y[c][oy][ox] = max over window taps (oy·S_h − P_h + ky·d_h, ox·S_w − P_w + kx·d_w)
 * inside the input (padding is −∞). Ties go to the first tap in row-major order, as in PyTorch.
 */
export function maxPool2dForward(x: Map3, g: Pool2dGeometry): MaxPoolResult {
  const [kh, kw] = g.kernel;
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const [ph, pw] = g.padBefore;
  const [oh, ow] = g.outSize;
  const { c, h, w, data } = x;
  const y: Map3 = { c, h: oh, w: ow, data: alloc(dtypeOf(data), c * oh * ow) };
  const argmax = new Int32Array(c * oh * ow);
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * h * w;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let best = -Infinity;
        let at = -1;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * sw - pw + kx * dw;
            if (ix < 0 || ix >= w) continue;
            const v = data[plane + iy * w + ix];
            if (v > best || at < 0 || Number.isNaN(v)) {
              best = v;
              at = iy * w + ix;
            }
          }
        }
        const o = (ch * oh + oy) * ow + ox;
        y.data[o] = at < 0 ? 0 : best;
        argmax[o] = at;
      }
    }
  }
  return { y, argmax };
}

/** ∂L/∂x of max pooling: each output's gradient goes to its argmax pixel (summed where windows share it). */
export function maxPool2dBackward(dy: Map3, argmax: Int32Array, g: Pool2dGeometry): Map3 {
  const [h, w] = g.inSize;
  const dx: Map3 = { c: dy.c, h, w, data: alloc(dtypeOf(dy.data), dy.c * h * w) };
  const n = dy.h * dy.w;
  for (let ch = 0; ch < dy.c; ch++) {
    const plane = ch * h * w;
    for (let i = 0; i < n; i++) {
      const at = argmax[ch * n + i];
      if (at >= 0) dx.data[plane + at] += dy.data[ch * n + i];
    }
  }
  return dx;
}

/**
 * The window of average pooling along one dimension, PyTorch's rule (count_include_pad = true):
 * start = o·S − P, end = min(start + K, X + P) gives the divisor's extent; the summed pixels are
 * those of [max(start, 0), min(end, X)).
 */
function avgWindow(o: number, k: number, s: number, p: number, x: number): [number, number, number] {
  const start = o * s - p;
  const end = Math.min(start + k, x + p);
  return [Math.max(start, 0), Math.min(end, x), end - start];
}

/** Average pooling: y = (Σ window pixels) / (window extent including padding, excluding the ceil_mode overhang). */
export function avgPool2dForward(x: Map3, g: Pool2dGeometry): Map3 {
  const [oh, ow] = g.outSize;
  const { c, h, w, data } = x;
  const y: Map3 = { c, h: oh, w: ow, data: alloc(dtypeOf(data), c * oh * ow) };
  forEachAvgWindow(g, h, w, (oy, ox, y0, y1, x0, x1, inv) => {
    for (let ch = 0; ch < c; ch++) {
      const plane = ch * h * w;
      let s = 0;
      for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) s += data[plane + iy * w + ix];
      y.data[(ch * oh + oy) * ow + ox] = s * inv;
    }
  });
  return y;
}

/** ∂L/∂x of average pooling: each output's gradient, divided by its divisor, spread over its window. */
export function avgPool2dBackward(dy: Map3, g: Pool2dGeometry): Map3 {
  const [h, w] = g.inSize;
  const [oh, ow] = g.outSize;
  const dx: Map3 = { c: dy.c, h, w, data: alloc(dtypeOf(dy.data), dy.c * h * w) };
  forEachAvgWindow(g, h, w, (oy, ox, y0, y1, x0, x1, inv) => {
    for (let ch = 0; ch < dy.c; ch++) {
      const plane = ch * h * w;
      const gv = dy.data[(ch * oh + oy) * ow + ox] * inv;
      for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) dx.data[plane + iy * w + ix] += gv;
    }
  });
  return dx;
}

function forEachAvgWindow(
  g: Pool2dGeometry,
  h: number,
  w: number,
  f: (oy: number, ox: number, y0: number, y1: number, x0: number, x1: number, inv: number) => void,
): void {
  const [oh, ow] = g.outSize;
  for (let oy = 0; oy < oh; oy++) {
    const [y0, y1, ny] = avgWindow(oy, g.kernel[0], g.stride[0], g.padBefore[0], h);
    for (let ox = 0; ox < ow; ox++) {
      const [x0, x1, nx] = avgWindow(ox, g.kernel[1], g.stride[1], g.padBefore[1], w);
      f(oy, ox, y0, y1, x0, x1, 1 / (ny * nx));
    }
  }
}

/** Window of adaptive average pooling (torch): [⌊o·X/M⌋, ⌈(o + 1)·X/M⌉). */
function adaptiveWindow(o: number, x: number, m: number): [number, number] {
  return [Math.floor((o * x) / m), Math.ceil(((o + 1) * x) / m)];
}

/** Adaptive average pooling to [H_out, W_out] (global average pooling is [1, 1]). */
export function adaptiveAvgPool2dForward(x: Map3, outSize: [number, number]): Map3 {
  const [oh, ow] = outSize;
  const { c, h, w, data } = x;
  const y: Map3 = { c, h: oh, w: ow, data: alloc(dtypeOf(data), c * oh * ow) };
  for (let oy = 0; oy < oh; oy++) {
    const [y0, y1] = adaptiveWindow(oy, h, oh);
    for (let ox = 0; ox < ow; ox++) {
      const [x0, x1] = adaptiveWindow(ox, w, ow);
      const inv = 1 / ((y1 - y0) * (x1 - x0));
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) s += data[(ch * h + iy) * w + ix];
        y.data[(ch * oh + oy) * ow + ox] = s * inv;
      }
    }
  }
  return y;
}

export function adaptiveAvgPool2dBackward(dy: Map3, inSize: [number, number]): Map3 {
  const [h, w] = inSize;
  const { c, h: oh, w: ow } = dy;
  const dx: Map3 = { c, h, w, data: alloc(dtypeOf(dy.data), c * h * w) };
  for (let oy = 0; oy < oh; oy++) {
    const [y0, y1] = adaptiveWindow(oy, h, oh);
    for (let ox = 0; ox < ow; ox++) {
      const [x0, x1] = adaptiveWindow(ox, w, ow);
      const inv = 1 / ((y1 - y0) * (x1 - x0));
      for (let ch = 0; ch < c; ch++) {
        const gv = dy.data[(ch * oh + oy) * ow + ox] * inv;
        for (let iy = y0; iy < y1; iy++)
          for (let ix = x0; ix < x1; ix++) dx.data[(ch * h + iy) * w + ix] += gv;
      }
    }
  }
  return dx;
}
