import { describe, expect, it } from 'vitest';
import { initWeights, recurrentCurves, Rng } from '../../../src/core/autograd';

/*
 * The recurrent Jacobian norms against finite differences: an independent, plain re-implementation
 * of the cells (same parameter draws: W_ih, W_hh, b_ih, b_hh, then x) perturbs h_t (or c_t) and
 * reruns steps t+1..T, which gives every column of ∂h_T/∂h_t and ∂h_T/∂c_t directly.
 */
const T = 4,
  H = 3,
  D = 2,
  N = 2;
const sig = (v: number) => 1 / (1 + Math.exp(-v));

function setupOf(cell: 'tanh' | 'lstm', seed: number) {
  const G = cell === 'lstm' ? 4 * H : H;
  const rng = new Rng(seed);
  const [wih, whh, bih, bhh] = [G * D, G * H, G, G].map((len) => {
    const a = new Float64Array(len);
    initWeights(a, H, G, { kind: 'torch_default' }, rng);
    return a;
  });
  const x = new Float64Array(T * N * D);
  rng.fillNormal(x);
  /** One cell step for example r: returns [h, c]. */
  const step = (t: number, r: number, h: number[], c: number[]): [number[], number[]] => {
    const pre = Array.from({ length: G }, (_, k) => {
      let s = bih[k] + bhh[k];
      for (let j = 0; j < D; j++) s += wih[k * D + j] * x[(t - 1) * N * D + r * D + j];
      for (let j = 0; j < H; j++) s += whh[k * H + j] * h[j];
      return s;
    });
    if (cell === 'tanh') return [pre.map(Math.tanh), c];
    const cn = c.map((cv, j) => sig(pre[H + j]) * cv + sig(pre[j]) * Math.tanh(pre[2 * H + j]));
    return [cn.map((cv, j) => sig(pre[3 * H + j]) * Math.tanh(cv)), cn];
  };
  return { step };
}

describe('recurrent Jacobians match finite differences', () => {
  for (const cell of ['tanh', 'lstm'] as const) {
    it(`${cell}: ‖∂h_T/∂h_t‖_F, ‖∂L/∂h_t‖ and (LSTM) ‖∂h_T/∂c_t‖_F for every t`, () => {
      const seed = 5;
      const curves = recurrentCurves({ cell, steps: T, hidden: H, input: D, batch: N }, seed);
      const { step } = setupOf(cell, seed);
      const eps = 1e-6;
      for (let t = 0; t <= T; t++) {
        let jSum = 0,
          lSum = 0,
          cSum = 0;
        for (let r = 0; r < N; r++) {
          // States h_t, c_t of example r; h_t of an LSTM is derived from c_t except at t = 0.
          let h = Array(H).fill(0),
            c = Array(H).fill(0);
          for (let s = 1; s <= t; s++) [h, c] = step(s, r, h, c);
          const runFrom = (h0: number[], c0: number[]) => {
            let hh = h0,
              cc = c0;
            for (let s = t + 1; s <= T; s++) [hh, cc] = step(s, r, hh, cc);
            return hh;
          };
          let fro = 0,
            cfro = 0;
          const colSum = Array(H).fill(0);
          for (let j = 0; j < H; j++) {
            const hp = [...h],
              hm = [...h];
            hp[j] += eps;
            hm[j] -= eps;
            const up = runFrom(hp, c),
              down = runFrom(hm, c);
            for (let q = 0; q < H; q++) {
              const d = (up[q] - down[q]) / (2 * eps);
              fro += d * d;
              colSum[j] += d;
            }
            if (cell === 'lstm') {
              // The total derivative through c_t also moves h_t = σ(o_t)·tanh(c_t) (for t ≥ 1).
              const shift = (sgn: number) => {
                const cc = [...c];
                cc[j] += sgn * eps;
                let hh = h;
                if (t >= 1) {
                  const o = h.map((hv, k) => (Math.tanh(c[k]) === 0 ? 0 : hv / Math.tanh(c[k])));
                  hh = cc.map((cv, k) => o[k] * Math.tanh(cv));
                }
                return runFrom(hh, cc);
              };
              const cu = shift(1),
                cd = shift(-1);
              for (let q = 0; q < H; q++) cfro += ((cu[q] - cd[q]) / (2 * eps)) ** 2;
            }
          }
          jSum += Math.sqrt(fro);
          lSum += Math.sqrt(colSum.reduce((s, v) => s + v * v, 0));
          cSum += Math.sqrt(cfro);
        }
        expect(curves.log10JacobianFro[t], `t=${t}`).toBeCloseTo(Math.log10(jSum / N), 6);
        expect(curves.log10LossGradNorm[t], `t=${t}`).toBeCloseTo(Math.log10(lSum / N), 6);
        if (cell === 'lstm')
          expect((curves.log10CellJacobianFro as Float64Array)[t], `t=${t}`).toBeCloseTo(
            Math.log10(cSum / N),
            6,
          );
      }
    });
  }
});
