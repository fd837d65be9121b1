import { trace, type FormulaTrace } from '../formulas/latex';
import { type Activation, type Init, Mlp, Rng, alloc } from './index';

/**
 * How an initialisation scheme carries variance through a deep MLP at initialisation: the variance
 * argument of Glorot & Bengio (2010) and He et al. (2015), measured with the gradient engine.
 *
 * For a Linear layer z = W a + b with n_in inputs, independent zero-mean weights and b = 0:
 *
 *   forward:   Var(z_l) = n_in · Var(w) · E[a_{l−1}²]
 *   backward:  Var(∂L/∂a_{l−1}) = n_out · Var(w) · Var(∂L/∂z_l),   ∂L/∂z_l = f′(z_l) ⊙ ∂L/∂a_l
 *
 * Through the activation, E[a²] = c_fwd · Var(z) and E[f′²] = c_bwd, so each layer multiplies the
 * variance by the gains
 *
 *   g_fwd = n · Var(w) · c_fwd,   g_bwd = n · Var(w) · c_bwd        (square layers, n_in = n_out = n)
 *
 *   identity, tanh near 0:  c_fwd = c_bwd = 1                 → Var(w) = 1/n keeps both at 1 (Xavier)
 *   relu:                   c_fwd = c_bwd = 1/2 (half are 0)  → Var(w) = 2/n keeps both at 1 (He)
 *   leaky_relu (slope α):   c_fwd = c_bwd = (1 + α²)/2
 *   sigmoid:                c_bwd ≤ σ′(0)² = 1/16; forward has no gain (E[a²] ≥ 1/4 from the mean ½)
 *
 * The measurement runs the engine's `Mlp` (public API only) on `samples` examples x ~ N(0, I), one at
 * a time, back-propagating ∂L/∂y ~ N(0, I). With one example per pass the bias gradient of layer l is
 * the back-propagated signal itself (∂L/∂b_l = Σ_rows ∂L/∂z_l), and the weight gradient is that
 * example's ∂L/∂W_l = ∂L/∂z_l · a_{l−1}ᵀ.
 */
export interface InitVarianceConfig {
  activation: Exclude<Activation, 'identity'> | 'identity';
  init: Init;
  /** Units per layer (input, hidden and output), n_in = n_out = width. */
  width: number;
  /** Linear layers; layers 1..depth−1 are followed by the activation, layer `depth` is a linear head. */
  depth: number;
  /** Examples, each forward and backward on its own. */
  samples: number;
  seed: number;
  /** Negative slope of leaky_relu (default 0.01). */
  leakySlope?: number;
}

export interface InitVarianceLayer {
  /** 1..depth; 0 is the input. */
  layer: number;
  /** Var(a_l) over examples and units (the input x for layer 0, the head's output y for the last). */
  activationVar: number;
  /** Var(∂L/∂z_l), the back-propagated signal at layer l's pre-activation (null for the input). */
  gradientVar: number | null;
  /** Mean over examples of the mean square of ∂L/∂W_l for one example (null for the input). */
  weightGradVar: number | null;
}

export interface InitVarianceInfo {
  config: InitVarianceConfig;
  /** Var(w) of the scheme for a width × width layer. */
  weightVar: number;
  /** Predicted per-layer variance gains (null where the activation has no such closed form). */
  forwardGain: number | null;
  backwardGain: number | null;
  /** Input first, then layers 1..depth. */
  layers: InitVarianceLayer[];
  /** Geometric-mean measured gain per hidden layer: (Var(a_{D−1}) / Var(a_1))^(1/(D−2)). */
  measuredForwardGain: number | null;
  /** Geometric-mean measured gain per layer backwards: (Var(δ_1) / Var(δ_{D−1}))^(1/(D−2)). */
  measuredBackwardGain: number | null;
  formulas: FormulaTrace[];
}

export class InitVarianceError extends Error {}

/** Var(w) of an initialisation for a Linear(fanIn → fanOut), with its formula. */
export function initWeightVariance(init: Init, fanIn: number, fanOut: number): FormulaTrace {
  switch (init.kind) {
    case 'normal':
      return trace('init.weightVar', '\\sigma^2', `${init.std}^2`, init.std ** 2);
    case 'xavier_normal':
    case 'xavier_uniform':
      return trace(
        'init.weightVar',
        '\\frac{2}{n_{in} + n_{out}}',
        `\\frac{2}{${fanIn} + ${fanOut}}`,
        2 / (fanIn + fanOut),
      );
    case 'kaiming_normal':
    case 'kaiming_uniform':
      return trace('init.weightVar', '\\frac{2}{n_{in}}', `\\frac{2}{${fanIn}}`, 2 / fanIn);
    case 'torch_default':
      return trace(
        'init.weightVar',
        '\\frac{1}{3\\,n_{in}}',
        `\\frac{1}{3 \\cdot ${fanIn}}`,
        1 / (3 * fanIn),
      );
  }
}

/** c_fwd and c_bwd of an activation in its linear regime (null where there is none). */
export function activationFactors(
  activation: InitVarianceConfig['activation'],
  leakySlope = 0.01,
): { forward: number | null; backward: number | null; latex: string } {
  switch (activation) {
    case 'identity':
    case 'tanh':
      return { forward: 1, backward: 1, latex: '1' };
    case 'relu':
      return { forward: 0.5, backward: 0.5, latex: '\\tfrac{1}{2}' };
    case 'leaky_relu': {
      const c = (1 + leakySlope ** 2) / 2;
      return { forward: c, backward: c, latex: `\\tfrac{1 + ${leakySlope}^2}{2}` };
    }
    case 'sigmoid':
      return { forward: null, backward: 1 / 16, latex: '\\tfrac{1}{16}' };
    case 'elu':
      return { forward: null, backward: null, latex: '' };
  }
}

function validate(c: InitVarianceConfig): void {
  for (const key of ['width', 'depth', 'samples'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 1)
      throw new InitVarianceError(`${key} must be a positive integer`);
  }
  if (c.depth < 3) throw new InitVarianceError('depth must be at least 3 (two hidden layers and a head)');
  if (c.samples < 2) throw new InitVarianceError('samples must be at least 2');
}

/** Variance of a running sum: Σx and Σx² over `count` values. */
const variance = (sum: number, sumSq: number, count: number) =>
  Math.max(0, sumSq / count - (sum / count) ** 2);

export function initVariance(config: InitVarianceConfig): InitVarianceInfo {
  validate(config);
  const { width: n, depth, samples } = config;
  const net = new Mlp({
    inputDim: n,
    outputDim: n,
    width: n,
    depth,
    activation: config.activation,
    leakySlope: config.leakySlope ?? 0.01,
    init: config.init,
  });
  const rng = new Rng(config.seed);
  net.initialize(rng);
  const x = alloc('float64', n);
  const dy = alloc('float64', n);
  // Per layer 0..depth: Σ and Σ² of the activations, Σ and Σ² of δ_l, Σ of the weight gradient's mean square.
  const act = Array.from({ length: depth + 1 }, () => ({ s: 0, s2: 0 }));
  const grad = Array.from({ length: depth + 1 }, () => ({ s: 0, s2: 0 }));
  const wgrad = new Float64Array(depth + 1);
  for (let e = 0; e < samples; e++) {
    rng.fillNormal(x);
    rng.fillNormal(dy);
    for (let i = 0; i < n; i++) {
      act[0]!.s += x[i]!;
      act[0]!.s2 += x[i]! * x[i]!;
    }
    const y = net.forward(x, 1);
    // Hidden blocks report the mean and (population) std of their outputs over the n units.
    net.activationStats().forEach((st, l) => {
      act[l + 1]!.s += st.mean * n;
      act[l + 1]!.s2 += (st.std * st.std + st.mean * st.mean) * n;
    });
    for (let i = 0; i < n; i++) {
      act[depth]!.s += y[i]!;
      act[depth]!.s2 += y[i]! * y[i]!;
    }
    net.backward(dy);
    net.layers.forEach((layer, l) => {
      for (let j = 0; j < n; j++) {
        grad[l + 1]!.s += layer.gb[j]!;
        grad[l + 1]!.s2 += layer.gb[j]! * layer.gb[j]!;
      }
      let sq = 0;
      for (let k = 0; k < layer.gwt.length; k++) sq += layer.gwt[k]! * layer.gwt[k]!;
      wgrad[l + 1]! += sq / layer.gwt.length;
    });
  }
  const count = samples * n;
  const layers: InitVarianceLayer[] = act.map((a, l) => ({
    layer: l,
    activationVar: variance(a.s, a.s2, count),
    gradientVar: l === 0 ? null : variance(grad[l]!.s, grad[l]!.s2, count),
    weightGradVar: l === 0 ? null : wgrad[l]! / samples,
  }));

  const gains = varianceGains(config.activation, config.init, n, config.leakySlope);
  // Hidden layers 1..D−1 carry the activation; the geometric mean over them is the measured gain.
  const hidden = depth - 2;
  const ratio = (a: number | null, b: number | null) =>
    a !== null && b !== null && a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)
      ? (a / b) ** (1 / hidden)
      : null;
  return {
    config,
    ...gains,
    layers,
    measuredForwardGain: ratio(layers[depth - 1]!.activationVar, layers[1]!.activationVar),
    measuredBackwardGain: ratio(layers[1]!.gradientVar, layers[depth - 1]!.gradientVar),
  };
}

/** The predicted per-layer gains of a scheme on width × width layers, with their formulas (no measurement). */
export function varianceGains(
  activation: InitVarianceConfig['activation'],
  init: Init,
  n: number,
  leakySlope = 0.01,
): Pick<InitVarianceInfo, 'weightVar' | 'forwardGain' | 'backwardGain' | 'formulas'> {
  const wv = initWeightVariance(init, n, n);
  const c = activationFactors(activation, leakySlope);
  const formulas: FormulaTrace[] = [wv];
  const gain = (dir: 'forward' | 'backward', factor: number | null): number | null => {
    if (factor === null) return null;
    const value = n * wv.value * factor;
    formulas.push(
      trace(
        `init.${dir}Gain`,
        `n \\cdot \\mathrm{Var}(w) \\cdot c_{${dir === 'forward' ? 'fwd' : 'bwd'}}`,
        `${n} \\cdot ${Number(wv.value.toPrecision(4))} \\cdot ${c.latex}`,
        value,
      ),
    );
    return value;
  };
  const forwardGain = gain('forward', c.forward);
  const backwardGain = gain('backward', c.backward);
  return { weightVar: wv.value, forwardGain, backwardGain, formulas };
}
