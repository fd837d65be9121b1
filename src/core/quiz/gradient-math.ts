/**
 * Small closed forms of gradient arithmetic, evaluated with the gradient engine's own activation
 * derivatives and optimizer so that the quiz and the Gradient Lab cannot disagree.
 */
import { type Activation, activate, activateBackward } from '../autograd/layers';
import type { Param } from '../autograd/mlp';
import { Optimizer } from '../autograd/optim';

/**
 * max_u |act′(u)|, reached at u = 0 for sigmoid (σ′(0) = σ(0)(1 − σ(0)) = 0.25) and tanh
 * (tanh′(0) = 1), and for u > 0 for the ReLU family (slope 1).
 */
export function maxDerivative(act: Activation): number {
  const u = Float64Array.of(act === 'sigmoid' || act === 'tanh' ? 0 : 1);
  const a = new Float64Array(1);
  activate(act, u, a, 1, 0.01, 1);
  const du = new Float64Array(1);
  activateBackward(act, a, Float64Array.of(1), du, 1, 0.01, 1);
  return du[0];
}

/** The activation's value at 0 (σ(0) = 0.5): what a learner who confuses σ with σ′ multiplies. */
export function valueAtZero(act: Activation): number {
  const a = new Float64Array(1);
  activate(act, Float64Array.of(0), a, 1, 0.01, 1);
  return a[0];
}

/**
 * Upper bound of |∂a_n/∂a_0| along a chain of scalar units a_l = act_l(w_l·a_{l−1} + b_l):
 *   Π_l |w_l| · max|act_l′|
 */
export function chainBound(
  acts: readonly Activation[],
  weights: readonly number[],
  factor: (act: Activation) => number = maxDerivative,
): number {
  let p = 1;
  acts.forEach((act, i) => (p *= Math.abs(weights[i]) * factor(act)));
  return p;
}

function param(value: number[], grad: number[]): Param {
  return { layer: 0, kind: 'weight', value: Float64Array.from(value), grad: Float64Array.from(grad) };
}

/**
 * Clipping by global norm: g ← g · min(1, c / ‖g‖₂) (PyTorch adds 1e-6 to ‖g‖). Returns the factor
 * the engine applied (‖g_after‖ / ‖g_before‖) and the clipped gradient.
 */
export function clipByNorm(
  g: readonly number[],
  maxNorm: number,
): { norm: number; factor: number; clipped: number[] } {
  // lr is irrelevant here: only the (clipped) gradient left on the parameter is read.
  const p = param(
    g.map(() => 0),
    [...g],
  );
  const report = new Optimizer({ kind: 'sgd', lr: 1 }, [p], { kind: 'norm', max: maxNorm }).step();
  const clipped = Array.from(p.grad);
  const after = Math.hypot(...clipped);
  return { norm: report.gradNorm, factor: report.gradNorm > 0 ? after / report.gradNorm : 1, clipped };
}

/**
 * SGD steps on one weight with the penalty λ·w² added to the loss (its gradient 2λw):
 *   w ← w − lr·(g + 2λw), repeated `steps` times with the same data gradient g.
 */
export function sgdWithL2(w: number, g: number, lr: number, lambda: number, steps: number): number {
  const p = param([w], [g]);
  const opt = new Optimizer({ kind: 'sgd', lr }, [p], null, { l2: lambda });
  for (let i = 0; i < steps; i++) {
    p.grad[0] = g;
    opt.step();
  }
  return p.value[0];
}
