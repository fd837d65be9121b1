import { activate } from '../../../../core/autograd';
import {
  activationFactors,
  initVariance,
  initWeightVariance,
  varianceGains,
  type InitVarianceInfo,
} from '../../../../core/autograd/init-variance';
import { chainBound, clipByNorm, maxDerivative, sgdWithL2 } from '../../../../core/quiz';
import { INIT_NETWORK, initConfig, INIT_SCHEMES, type InitSchemeKey } from '../examples';
import type { Bindings } from '../types';

const runs = new Map<string, InitVarianceInfo>();

/** The engine's measurement of one activation and scheme on the lesson's network, once per session. */
export function initRun(activation: 'tanh' | 'relu' | 'sigmoid', scheme: InitSchemeKey): InitVarianceInfo {
  const key = `${activation}:${scheme}`;
  let r = runs.get(key);
  if (!r) {
    r = initVariance(initConfig(activation, scheme));
    runs.set(key, r);
  }
  return r;
}

const log10 = (v: number | null) => Math.log10(v ?? NaN);

export function initialisation(): Bindings {
  const n = INIT_NETWORK.width;
  const depth = INIT_NETWORK.depth;
  // A linear layer passes variance with gain n·Var(w) (c = 1).
  const gain = (scheme: InitSchemeKey) => n * initWeightVariance(INIT_SCHEMES[scheme], n, n).value;
  const small = INIT_SCHEMES.small;
  // Three measurements (the widget opens on the first); the other gains are the formulas'.
  const he = initRun('relu', 'he');
  const xr = initRun('relu', 'xavier');
  const big = initRun('relu', 'large');
  const predicted = (activation: 'relu' | 'sigmoid', scheme: InitSchemeKey) =>
    varianceGains(activation, INIT_SCHEMES[scheme], n);
  const hidden = depth - 1;
  const wgrad = big.layers.slice(1).map((l) => log10(l.weightGradVar));
  return {
    'ex.n': n,
    'ex.depth': depth,
    'ex.hidden': hidden,
    'ex.samples': INIT_NETWORK.samples,
    'ex.small': small.std,
    'ex.gainStd': gain('large'),
    'ex.gainStdDepth': gain('large') ** depth,
    'ex.gainSmall': gain('small'),
    'ex.gainSmallDepth': gain('small') ** depth,
    'tanh.slope0': maxDerivative('tanh'),
    'relu.c': activationFactors('relu').forward ?? NaN,
    'xr.gain': predicted('relu', 'xavier').forwardGain ?? NaN,
    'xr.depthGain': (predicted('relu', 'xavier').forwardGain ?? NaN) ** hidden,
    'xr.measuredFwd': xr.measuredForwardGain ?? NaN,
    'he.gain': predicted('relu', 'he').forwardGain ?? NaN,
    'he.measuredFwd': he.measuredForwardGain ?? NaN,
    'he.measuredBwd': he.measuredBackwardGain ?? NaN,
    'sig.max': maxDerivative('sigmoid'),
    'sig.bwdGain': predicted('sigmoid', 'xavier').backwardGain ?? NaN,
    'big.actDecades': log10(big.layers[hidden]!.activationVar) - log10(big.layers[1]!.activationVar),
    'big.gradDecades': log10(big.layers[1]!.gradientVar) - log10(big.layers[hidden]!.gradientVar),
    'big.wgradSpread': Math.max(...wgrad) - Math.min(...wgrad),
  };
}

export function vanishing(): Bindings {
  return {
    'sig.max': maxDerivative('sigmoid'),
    'tanh.max': maxDerivative('tanh'),
    'relu.max': maxDerivative('relu'),
    'sig.chain5': chainBound(Array(5).fill('sigmoid'), Array(5).fill(1)),
    'sig.chain20': chainBound(Array(20).fill('sigmoid'), Array(20).fill(1)),
  };
}

export function exploding(): Bindings {
  const w = 1.5;
  const g = [30, 40];
  const clip = clipByNorm(g, 5);
  return {
    'w.w': w,
    'tanh.max': maxDerivative('tanh'),
    'w.chain20': chainBound(Array(20).fill('tanh'), Array(20).fill(w)),
    'w.chain5': chainBound(Array(5).fill('tanh'), Array(5).fill(w)),
    'clip.in1': g[0]!,
    'clip.in2': g[1]!,
    'clip.norm': clip.norm,
    'clip.max': 5,
    'clip.factor': clip.factor,
    'clip.g1': clip.clipped[0]!,
    'clip.g2': clip.clipped[1]!,
  };
}

/** σ(u) with the engine's sigmoid. */
function sigmoid(u: number): number {
  const out = new Float64Array(1);
  activate('sigmoid', Float64Array.of(u), out, 1, 0, 0);
  return out[0]!;
}

export function remedies(): Bindings {
  const lstmBias = 1;
  return {
    'l2.w0': 2,
    'l2.lambda': 0.5,
    'l2.lr': 0.1,
    'l2.w1': sgdWithL2(2, 0, 0.1, 0.5, 1),
    'leaky.max': maxDerivative('leaky_relu'),
    'leaky.alpha': 0.01,
    'relu.max': maxDerivative('relu'),
    'lstm.bias': lstmBias,
    'lstm.f0': sigmoid(lstmBias),
    'lstm.fHalf': sigmoid(0),
  };
}
