import { selectKernels } from './kernels';
import { initWeights } from './layers';
import { meanStd } from './reference';
import { Rng } from './rng';

/**
 * Gradient flow through time in a tanh RNN cell and an LSTM cell (float64, PyTorch's cell
 * equations and default init: every weight and both bias vectors b_ih, b_hh ~ U(−1/√H, 1/√H)).
 *
 *   RNN:   h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh)
 *   LSTM:  [i f g o] = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh   (gate order of torch.nn.LSTMCell)
 *          c_t = σ(f) ⊙ c_{t−1} + σ(i) ⊙ tanh(g);  h_t = σ(o) ⊙ tanh(c_t)
 *
 * h_0 = c_0 = 0, inputs x_1..x_T i.i.d. N(0, 1). For every t = 0..T and every example, the full
 * Jacobian J_t = ∂h_T/∂h_t (H × H; for the LSTM the gradient with respect to the h_t tensor, c_t
 * held fixed) is built by back-propagating the H rows of the identity at h_T together, one batched
 * matrix product per step. Recorded per t, each as log10 of the batch average:
 *   ‖J_t‖_F;  ‖∂L/∂h_t‖₂ = ‖1ᵀJ_t‖₂ for L = Σ h_T;  LSTM also ‖∂h_T/∂c_t‖_F (total derivative, so
 *   at t = T it is ‖diag(σ(o_T) ⊙ (1 − tanh²c_T))‖_F).
 */
export type RecurrentCell = 'tanh' | 'lstm';

export interface RecurrentSetup {
  cell: RecurrentCell;
  /** Sequence length T (1..200 is the supported range). */
  steps: number;
  hidden: number;
  input: number;
  batch: number;
  /**
   * LSTM only: when set, the forget gate's biases are b_ih[H:2H] = forgetBias, b_hh[H:2H] = 0 after the
   * default init (Jozefowicz et al. 2015 recommend 1: σ(1) ≈ 0.73 keeps the cell state longer).
   */
  forgetBias?: number;
  /**
   * `orthogonal`: W_hh is redrawn after the default init as torch.nn.init.orthogonal_ does (a
   * Gaussian matrix orthonormalised, gain 1; for the LSTM's 4H × H matrix its columns are orthonormal).
   * All its singular values are 1, so W_hh alone neither shrinks nor grows the gradient through time.
   */
  recurrentInit?: 'default' | 'orthogonal';
}

/** One seed's curves, index t = 0..T. */
export interface RecurrentCurves {
  log10JacobianFro: Float64Array;
  log10LossGradNorm: Float64Array;
  /** LSTM only. */
  log10CellJacobianFro: Float64Array | null;
}

export interface RecurrentPoint {
  t: number;
  log10JacobianFroMean: number;
  log10JacobianFroStd: number;
  log10LossGradNormMean: number;
  log10LossGradNormStd: number;
  log10CellJacobianFroMean?: number;
  log10CellJacobianFroStd?: number;
}

export interface RecurrentStats {
  setup: RecurrentSetup;
  seeds: number;
  points: RecurrentPoint[];
}

export const DEFAULT_RECURRENT: Omit<RecurrentSetup, 'cell'> = {
  steps: 50,
  hidden: 64,
  input: 64,
  batch: 128,
};

function validate(s: RecurrentSetup): void {
  for (const key of ['steps', 'hidden', 'input', 'batch'] as const) {
    if (!Number.isInteger(s[key]) || s[key] < 1) throw new Error(`${key} must be a positive integer`);
  }
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/**
 * Fills the rows × cols matrix `w` (row-major, rows ≥ cols) with orthonormal columns: a N(0, 1)
 * matrix orthonormalised column by column (modified Gram–Schmidt, done twice for accuracy), which is
 * the Q of its QR decomposition with a positive diagonal of R, as torch.nn.init.orthogonal_ makes it.
 */
export function fillOrthogonal(w: Float64Array, rows: number, cols: number, rng: Rng): void {
  if (rows < cols) throw new Error(`an orthogonal ${rows} × ${cols} matrix needs rows ≥ cols`);
  rng.fillNormal(w);
  for (let c = 0; c < cols; c++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < c; p++) {
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += w[r * cols + p] * w[r * cols + c];
        for (let r = 0; r < rows; r++) w[r * cols + c] -= dot * w[r * cols + p];
      }
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += w[r * cols + c] ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < rows; r++) w[r * cols + c] /= norm;
  }
}

/**
 * Runs one seed: the cell is initialised first (W_ih, W_hh, b_ih, b_hh in that order; an orthogonal
 * W_hh is drawn after them), then x = randn(T, batch, input) is drawn, as in the reference measurement.
 */
export function recurrentCurves(setup: RecurrentSetup, seed: number): RecurrentCurves {
  validate(setup);
  const { steps: T, hidden: H, input: D, batch: N, cell } = setup;
  const lstm = cell === 'lstm';
  const G = lstm ? 4 * H : H;
  // float64 kernels: WebAssembly SIMD (see selectKernels; CONVSCOPE_KERNELS=ts for the TypeScript reference).
  const k = selectKernels('float64');
  const rng = new Rng(seed);
  const wih = new Float64Array(G * D),
    whh = new Float64Array(G * H);
  const bih = new Float64Array(G),
    bhh = new Float64Array(G);
  for (const w of [wih, whh, bih, bhh]) initWeights(w, H, G, { kind: 'torch_default' }, rng);
  if (lstm && setup.forgetBias !== undefined) {
    bih.fill(setup.forgetBias, H, 2 * H);
    bhh.fill(0, H, 2 * H);
  }
  if (setup.recurrentInit === 'orthogonal') fillOrthogonal(whh, G, H, rng);
  const x = new Float64Array(T * N * D);
  rng.fillNormal(x);
  const wihT = new Float64Array(D * G),
    whhT = new Float64Array(H * G);
  k.transpose(wih, wihT, G, D);
  k.transpose(whh, whhT, G, H);

  // Forward: keep h_t, c_t (t = 0..T) and post-nonlinearity gates of step t (t = 1..T).
  const hs = new Float64Array((T + 1) * N * H);
  const cs = lstm ? new Float64Array((T + 1) * N * H) : null;
  const gates = new Float64Array((T + 1) * N * G);
  const pre = new Float64Array(N * G);
  for (let t = 1; t <= T; t++) {
    k.gemmNN(x.subarray((t - 1) * N * D, t * N * D), wihT, pre, N, D, G, false);
    k.gemmNN(hs.subarray((t - 1) * N * H, t * N * H), whhT, pre, N, H, G, true);
    const gt = t * N * G,
      ht = t * N * H,
      hp = (t - 1) * N * H;
    for (let r = 0; r < N; r++) {
      for (let j = 0; j < G; j++) {
        const v = pre[r * G + j] + bih[j] + bhh[j];
        // LSTM gates i, f, o are sigmoids and g is tanh; the RNN's single "gate" is tanh.
        const isTanh = !lstm || (j >= 2 * H && j < 3 * H);
        gates[gt + r * G + j] = isTanh ? Math.tanh(v) : sigmoid(v);
      }
      for (let j = 0; j < H; j++) {
        if (!lstm) {
          hs[ht + r * H + j] = gates[gt + r * G + j];
        } else {
          const cPrev = (cs as Float64Array)[hp + r * H + j];
          const gi = gates[gt + r * G + j],
            gf = gates[gt + r * G + H + j];
          const gg = gates[gt + r * G + 2 * H + j],
            go = gates[gt + r * G + 3 * H + j];
          const c = gf * cPrev + gi * gg;
          (cs as Float64Array)[ht + r * H + j] = c;
          hs[ht + r * H + j] = go * Math.tanh(c);
        }
      }
    }
  }

  // Backward: rows are (example r, output unit q) pairs, R = N·H rows of width H.
  const R = N * H;
  let gh = new Float64Array(R * H); // ∂h_T[q]/∂h_t for every row
  let ghNext = new Float64Array(R * H);
  const gc = lstm ? new Float64Array(R * H) : null; // total ∂h_T[q]/∂c_t
  const dpre = new Float64Array(R * G);
  const jac = new Float64Array(T + 1),
    lossG = new Float64Array(T + 1);
  const cellJ = lstm ? new Float64Array(T + 1) : null;
  for (let r = 0; r < N; r++) for (let q = 0; q < H; q++) gh[(r * H + q) * H + q] = 1;
  // Per step t: tanh(c_t) and ∂h_t/∂c_t = σ(o_t)(1 − tanh²c_t), shared by all H rows of an example.
  const tanhC = lstm ? new Float64Array((T + 1) * N * H) : null;
  const dhdc = lstm ? new Float64Array((T + 1) * N * H) : null;
  if (tanhC && dhdc && cs) {
    for (let t = 1; t <= T; t++) {
      for (let r = 0; r < N; r++) {
        for (let j = 0; j < H; j++) {
          const i = t * N * H + r * H + j;
          const th = Math.tanh(cs[i]);
          tanhC[i] = th;
          dhdc[i] = gates[t * N * G + r * G + 3 * H + j] * (1 - th * th);
        }
      }
    }
  }
  const record = (t: number): void => {
    let sj = 0,
      sl = 0,
      sc = 0;
    const sum = new Float64Array(H);
    for (let r = 0; r < N; r++) {
      let fro = 0,
        cfro = 0;
      sum.fill(0);
      for (let q = 0; q < H; q++) {
        const o = (r * H + q) * H;
        for (let j = 0; j < H; j++) {
          const v = gh[o + j];
          fro += v * v;
          sum[j] += v;
          if (gc) cfro += gc[o + j] * gc[o + j];
        }
      }
      let ln = 0;
      for (let j = 0; j < H; j++) ln += sum[j] * sum[j];
      sj += Math.sqrt(fro);
      sl += Math.sqrt(ln);
      sc += Math.sqrt(cfro);
    }
    jac[t] = Math.log10(sj / N);
    lossG[t] = Math.log10(sl / N);
    if (cellJ) cellJ[t] = Math.log10(sc / N);
  };
  if (gc) {
    // At t = T the only path from c_T to h_T is h_T = σ(o_T) ⊙ tanh(c_T).
    for (let r = 0; r < N; r++) {
      for (let q = 0; q < H; q++) {
        const o = (r * H + q) * H;
        const e = T * N * H + r * H;
        for (let j = 0; j < H; j++) gc[o + j] = gh[o + j] * (dhdc as Float64Array)[e + j];
      }
    }
  }
  record(T);
  for (let t = T; t >= 1; t--) {
    // From the gradients at step t to those at t − 1 through the cell of step t.
    const gt = t * N * G;
    for (let r = 0; r < N; r++) {
      const go = gt + r * G;
      for (let q = 0; q < H; q++) {
        const o = (r * H + q) * H;
        const d = (r * H + q) * G;
        if (!lstm) {
          for (let j = 0; j < H; j++) {
            const a = gates[go + j];
            dpre[d + j] = gh[o + j] * (1 - a * a);
          }
        } else {
          const cg = gc as Float64Array,
            cst = cs as Float64Array,
            th = tanhC as Float64Array;
          const cp = (t - 1) * N * H + r * H,
            cn = t * N * H + r * H;
          for (let j = 0; j < H; j++) {
            const gi = gates[go + j],
              gf = gates[go + H + j],
              gg = gates[go + 2 * H + j],
              gO = gates[go + 3 * H + j];
            const cPrev = cst[cp + j];
            const dc = cg[o + j];
            const dO = gh[o + j] * th[cn + j];
            dpre[d + j] = dc * gg * gi * (1 - gi);
            dpre[d + H + j] = dc * cPrev * gf * (1 - gf);
            dpre[d + 2 * H + j] = dc * gi * (1 - gg * gg);
            dpre[d + 3 * H + j] = dO * gO * (1 - gO);
            // Direct path c_{t−1} → c_t; the path through h_{t−1} is added below.
            cg[o + j] = dc * gf;
          }
        }
      }
    }
    k.gemmNN(dpre, whh, ghNext, R, G, H, false);
    const swap = gh;
    gh = ghNext;
    ghNext = swap;
    if (gc && t - 1 >= 1) {
      // h_{t−1} = σ(o_{t−1}) ⊙ tanh(c_{t−1}) depends on c_{t−1}; h_0 and c_0 are independent leaves.
      for (let r = 0; r < N; r++) {
        for (let q = 0; q < H; q++) {
          const o = (r * H + q) * H;
          const e = (t - 1) * N * H + r * H;
          for (let j = 0; j < H; j++) gc[o + j] += gh[o + j] * (dhdc as Float64Array)[e + j];
        }
      }
    }
    record(t - 1);
  }
  return { log10JacobianFro: jac, log10LossGradNorm: lossG, log10CellJacobianFro: cellJ };
}

/** Seeds 0..seeds−1 of recurrentCurves, reduced to mean and population std (ddof 0) per t. */
export function recurrentStats(setup: RecurrentSetup, seeds: number): RecurrentStats {
  const runs: RecurrentCurves[] = [];
  for (let s = 0; s < seeds; s++) runs.push(recurrentCurves(setup, s));
  const points: RecurrentPoint[] = [];
  for (let t = 0; t <= setup.steps; t++) {
    const j = meanStd(runs.map((r) => r.log10JacobianFro[t]));
    const l = meanStd(runs.map((r) => r.log10LossGradNorm[t]));
    const p: RecurrentPoint = {
      t,
      log10JacobianFroMean: j.mean,
      log10JacobianFroStd: j.std,
      log10LossGradNormMean: l.mean,
      log10LossGradNormStd: l.std,
    };
    if (setup.cell === 'lstm') {
      const c = meanStd(runs.map((r) => (r.log10CellJacobianFro as Float64Array)[t]));
      p.log10CellJacobianFroMean = c.mean;
      p.log10CellJacobianFroStd = c.std;
    }
    points.push(p);
  }
  return { setup, seeds, points };
}
