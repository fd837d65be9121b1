/*
 * Dense matrix kernels, the Float32Array twin of kernels64.ts: the code below the imports is
 * identical on purpose (V8 specialises a function to the typed-array kinds it sees; one copy per
 * element type stays monomorphic and twice as fast). A test checks that the twins do not drift.
 */
import type { FArray, Kernels } from './types';

/**
 * C[m×n] (+)= A[m×k] · B[k×n], then + bias[n] on every row when given (without accumulate), then
 * max(C, 0) with `relu` (NaN → 0, as `x > 0 ? x : 0`).
 */
function gemmNN(
  a: FArray,
  b: FArray,
  c: FArray,
  m: number,
  k: number,
  n: number,
  accumulate: boolean,
  bias?: FArray,
  relu?: boolean,
): void {
  product(a, b, c, m, k, n, accumulate);
  if (bias && !accumulate)
    for (let i = 0; i < m; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) c[o + j] += bias[j];
    }
  if (relu) for (let i = 0; i < m * n; i++) c[i] = c[i] > 0 ? c[i] : 0;
}

function product(
  a: FArray,
  b: FArray,
  c: FArray,
  m: number,
  k: number,
  n: number,
  accumulate: boolean,
): void {
  if (!accumulate) c.fill(0, 0, m * n);
  const k4 = k - (k % 4);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const c0 = i * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    const a0 = i * k,
      a1 = a0 + k,
      a2 = a1 + k,
      a3 = a2 + k;
    let p = 0;
    for (; p < k4; p += 4) {
      const x0 = a[a0 + p],
        x1 = a[a0 + p + 1],
        x2 = a[a0 + p + 2],
        x3 = a[a0 + p + 3];
      const y0 = a[a1 + p],
        y1 = a[a1 + p + 1],
        y2 = a[a1 + p + 2],
        y3 = a[a1 + p + 3];
      const z0 = a[a2 + p],
        z1 = a[a2 + p + 1],
        z2 = a[a2 + p + 2],
        z3 = a[a2 + p + 3];
      const w0 = a[a3 + p],
        w1 = a[a3 + p + 1],
        w2 = a[a3 + p + 2],
        w3 = a[a3 + p + 3];
      const b0 = p * n,
        b1 = b0 + n,
        b2 = b1 + n,
        b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const u0 = b[b0 + j],
          u1 = b[b1 + j],
          u2 = b[b2 + j],
          u3 = b[b3 + j];
        c[c0 + j] += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        c[c1 + j] += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
        c[c2 + j] += z0 * u0 + z1 * u1 + z2 * u2 + z3 * u3;
        c[c3 + j] += w0 * u0 + w1 * u1 + w2 * u2 + w3 * u3;
      }
    }
    for (; p < k; p++) {
      const x0 = a[a0 + p],
        y0 = a[a1 + p],
        z0 = a[a2 + p],
        w0 = a[a3 + p];
      const b0 = p * n;
      for (let j = 0; j < n; j++) {
        const u0 = b[b0 + j];
        c[c0 + j] += x0 * u0;
        c[c1 + j] += y0 * u0;
        c[c2 + j] += z0 * u0;
        c[c3 + j] += w0 * u0;
      }
    }
  }
  for (; i < m; i++) {
    const c0 = i * n,
      a0 = i * k;
    for (let p = 0; p < k; p++) {
      const x0 = a[a0 + p];
      const b0 = p * n;
      for (let j = 0; j < n; j++) c[c0 + j] += x0 * b[b0 + j];
    }
  }
}

/**
 * C[m×n] (+)= A[k×m]ᵀ · B[k×n], i.e. C[i][j] = Σ_p A[p][i]·B[p][j] (weight gradients Hᵀ·δ); with
 * `sums`, also sums[j] = Σ_p B[p][j] (bias gradients), rows added in order.
 */
function gemmTN(
  a: FArray,
  b: FArray,
  c: FArray,
  m: number,
  k: number,
  n: number,
  accumulate: boolean,
  sums?: FArray,
): void {
  productTN(a, b, c, m, k, n, accumulate);
  if (sums) {
    sums.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const o = p * n;
      for (let j = 0; j < n; j++) sums[j] += b[o + j];
    }
  }
}

function productTN(
  a: FArray,
  b: FArray,
  c: FArray,
  m: number,
  k: number,
  n: number,
  accumulate: boolean,
): void {
  if (!accumulate) c.fill(0, 0, m * n);
  const k4 = k - (k % 4);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const c0 = i * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    let p = 0;
    for (; p < k4; p += 4) {
      const r0 = p * m + i,
        r1 = r0 + m,
        r2 = r1 + m,
        r3 = r2 + m;
      const x0 = a[r0],
        x1 = a[r1],
        x2 = a[r2],
        x3 = a[r3];
      const y0 = a[r0 + 1],
        y1 = a[r1 + 1],
        y2 = a[r2 + 1],
        y3 = a[r3 + 1];
      const z0 = a[r0 + 2],
        z1 = a[r1 + 2],
        z2 = a[r2 + 2],
        z3 = a[r3 + 2];
      const w0 = a[r0 + 3],
        w1 = a[r1 + 3],
        w2 = a[r2 + 3],
        w3 = a[r3 + 3];
      const b0 = p * n,
        b1 = b0 + n,
        b2 = b1 + n,
        b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const u0 = b[b0 + j],
          u1 = b[b1 + j],
          u2 = b[b2 + j],
          u3 = b[b3 + j];
        c[c0 + j] += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        c[c1 + j] += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
        c[c2 + j] += z0 * u0 + z1 * u1 + z2 * u2 + z3 * u3;
        c[c3 + j] += w0 * u0 + w1 * u1 + w2 * u2 + w3 * u3;
      }
    }
    for (; p < k; p++) {
      const r0 = p * m + i;
      const x0 = a[r0],
        y0 = a[r0 + 1],
        z0 = a[r0 + 2],
        w0 = a[r0 + 3];
      const b0 = p * n;
      for (let j = 0; j < n; j++) {
        const u0 = b[b0 + j];
        c[c0 + j] += x0 * u0;
        c[c1 + j] += y0 * u0;
        c[c2 + j] += z0 * u0;
        c[c3 + j] += w0 * u0;
      }
    }
  }
  for (; i < m; i++) {
    const c0 = i * n;
    for (let p = 0; p < k; p++) {
      const x0 = a[p * m + i];
      const b0 = p * n;
      for (let j = 0; j < n; j++) c[c0 + j] += x0 * b[b0 + j];
    }
  }
}

let scratch: FArray | null = null;

/**
 * C[m×n] (+)= A[m×k] · B[n×k]ᵀ (back-propagation through a layer stored input-major): Bᵀ into a
 * scratch buffer kept between calls, then gemmNN.
 */
function gemmNT(a: FArray, b: FArray, c: FArray, m: number, k: number, n: number, accumulate: boolean): void {
  if (!scratch || scratch.length < k * n || scratch.constructor !== b.constructor)
    scratch = new (b.constructor as typeof Float64Array)(k * n);
  transpose(b, scratch, n, k);
  product(a, scratch, c, m, k, n, accumulate);
}

/** Bᵀ of A[m×n] into B[n×m]. */
function transpose(a: FArray, b: FArray, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) b[j * m + i] = a[r + j];
  }
}

export const kernels: Kernels = { gemmNN, gemmTN, gemmNT, transpose };
