import { type Map3, zerosLike } from './tensor';
import { alloc } from '../types';
import { dtypeOf } from './tensor';

function sameShape(a: Map3, b: Map3): boolean {
  return a.c === b.c && a.h === b.h && a.w === b.w;
}

/** Residual add y = x₀ + x₁ + … of maps of one shape; its backward hands ∂L/∂y to every operand. */
export function addForward(xs: readonly Map3[]): Map3 {
  const y = zerosLike(xs[0]);
  for (const x of xs) {
    if (!sameShape(x, xs[0]))
      throw new Error(`add: operands ${x.c}×${x.h}×${x.w} and ${xs[0].c}×${xs[0].h}×${xs[0].w} differ`);
    for (let i = 0; i < y.data.length; i++) y.data[i] += x.data[i];
  }
  return y;
}

/** Concatenation along channels: y = [x₀; x₁; …]. */
export function concatForward(xs: readonly Map3[]): Map3 {
  const { h, w } = xs[0];
  let c = 0;
  for (const x of xs) {
    if (x.h !== h || x.w !== w) throw new Error(`concat: maps ${x.h}×${x.w} and ${h}×${w} differ in size`);
    c += x.c;
  }
  const y: Map3 = { c, h, w, data: alloc(dtypeOf(xs[0].data), c * h * w) };
  let o = 0;
  for (const x of xs) {
    y.data.set(x.data, o);
    o += x.data.length;
  }
  return y;
}

/** ∂L/∂x_i of a concatenation: the channel slices of ∂L/∂y, in order. */
export function concatBackward(dy: Map3, channels: readonly number[]): Map3[] {
  const out: Map3[] = [];
  let c0 = 0;
  const n = dy.h * dy.w;
  for (const c of channels) {
    out.push({ c, h: dy.h, w: dy.w, data: dy.data.slice(c0 * n, (c0 + c) * n) });
    c0 += c;
  }
  return out;
}
