/**
 * Seeded pseudo-random numbers for weights, data and shuffling.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes
 * PractRand), seeded through splitmix32 so that neighbouring seeds give unrelated streams.
 * Uniform doubles use 53 random bits; normals use the Box–Muller transform (both values of a pair
 * are used, so one normal costs half a logarithm, a square root and a sine/cosine).
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    let s = seed >>> 0;
    // splitmix32 spreads a small integer seed over the whole state.
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // The first outputs of sfc32 are still correlated with the seed; discard them.
    for (let i = 0; i < 15; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits: (hi·2²⁶ + lo) / 2⁵³. */
  uniform(): number {
    const hi = this.u32() >>> 5;
    const lo = this.u32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal N(0, 1) by Box–Muller: √(−2 ln u₁)·cos(2πu₂), and the sine for the next call. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u1 = this.uniform();
    while (u1 === 0) u1 = this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }

  /** Integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Fills `out` with N(0, std²) draws. */
  fillNormal(out: Float64Array | Float32Array, std = 1, mean = 0): void {
    // The same stream as calling normal() for each entry, a Box–Muller pair per two entries without
    // the spare's round trip through the object (weight draws are a large part of a gradient sweep).
    const len = out.length;
    let i = 0;
    if (len > 0 && this.hasSpare) out[i++] = mean + std * this.normal();
    for (; i + 1 < len; i += 2) {
      let u1 = this.uniform();
      while (u1 === 0) u1 = this.uniform();
      const u2 = this.uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      const theta = 2 * Math.PI * u2;
      out[i] = mean + std * (r * Math.cos(theta));
      out[i + 1] = mean + std * (r * Math.sin(theta));
    }
    if (i < len) out[i] = mean + std * this.normal();
  }

  /** Fills `out` with U(lo, hi) draws. */
  fillUniform(out: Float64Array | Float32Array, lo: number, hi: number): void {
    const w = hi - lo;
    for (let i = 0; i < out.length; i++) out[i] = lo + w * this.uniform();
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle(indices: Int32Array | number[]): void {
    for (let i = indices.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = indices[i];
      indices[i] = indices[j];
      indices[j] = t;
    }
  }
}
