import type { ExperimentResult } from './runner';

/**
 * A caption's statement as a check on the engine's result. Measures (from the run's summary):
 * - `signal`: log10 ‖∂L/∂h₁‖/‖∂L/∂h_{L−1}‖ at the first step (the back-propagated signal ratio)
 * - `weightRatio`: log10 ‖dL/dW₁‖/‖dL/dW_L‖ at the first step
 * - `gradMax` / `gradMaxEnd`: log10 of the largest per-layer weight-gradient norm, first step / last 10
 * - `accuracy`, `loss`: over the whole dataset at the end (a diverged run counts as 0 and +∞)
 * - `diverged`: the loss or the gradients became non-finite (or every gradient exactly 0)
 * - `decades`: log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_0‖, decades lost through time (recurrent)
 * Bounds are inclusive; the `…Baseline…` forms compare with the problem the remedy fixes.
 */
export type Measure =
  'signal' | 'weightRatio' | 'gradMax' | 'gradMaxEnd' | 'accuracy' | 'loss' | 'diverged' | 'decades';

export type Claim =
  | { measure: 'diverged'; is: boolean }
  | { measure: Exclude<Measure, 'diverged'>; atLeast: number }
  | { measure: Exclude<Measure, 'diverged'>; atMost: number }
  | { measure: Exclude<Measure, 'diverged'>; between: [number, number] }
  /** value ≥ baseline + by */
  | { measure: Exclude<Measure, 'diverged'>; aboveBaselineBy: number }
  /** value ≤ baseline − by */
  | { measure: Exclude<Measure, 'diverged'>; belowBaselineBy: number }
  /** value ≤ fraction · baseline */
  | { measure: Exclude<Measure, 'diverged'>; belowBaselineFraction: number };

export interface ClaimCheck {
  claim: Claim;
  /** The claim in words, with the measured numbers. */
  text: string;
  value: number | boolean | null;
  baseline: number | boolean | null;
  holds: boolean;
}

/** The measured value of a result (null: not measured for this kind of experiment, or not finite). */
export function measureOf(result: ExperimentResult, measure: Measure): number | boolean | null {
  if (result.kind === 'rnn') return measure === 'decades' ? result.decades : null;
  const s = result.summary;
  switch (measure) {
    case 'signal':
      return s.log10SignalStart;
    case 'weightRatio':
      return s.log10RatioStart;
    case 'gradMax':
      return s.log10GradMaxStart;
    case 'gradMaxEnd':
      return s.log10GradMaxEnd;
    case 'accuracy':
      return s.finalAccuracy ?? (s.diverged ? 0 : null);
    case 'loss':
      return s.finalLoss ?? (s.diverged ? Infinity : null);
    case 'diverged':
      return s.diverged;
    case 'decades':
      return null;
  }
}

const show = (v: number | boolean | null): string =>
  v === null
    ? 'n/a'
    : typeof v === 'boolean'
      ? String(v)
      : Number.isFinite(v)
        ? String(Number(v.toPrecision(3)))
        : String(v);

/** Checks one claim on a result (and, for the baseline forms, on the result of the problem it fixes). */
export function checkClaim(claim: Claim, result: ExperimentResult, baseline?: ExperimentResult): ClaimCheck {
  const value = measureOf(result, claim.measure);
  const base = baseline ? measureOf(baseline, claim.measure) : null;
  const m = claim.measure;
  if ('is' in claim) {
    return {
      claim,
      value,
      baseline: base,
      holds: value === claim.is,
      text: `${m} is ${claim.is} (measured ${show(value)})`,
    };
  }
  const v = typeof value === 'number' ? value : null;
  const b = typeof base === 'number' ? base : null;
  let holds = false;
  let rule = '';
  if ('atLeast' in claim) {
    holds = v !== null && v >= claim.atLeast;
    rule = `≥ ${claim.atLeast}`;
  } else if ('atMost' in claim) {
    holds = v !== null && v <= claim.atMost;
    rule = `≤ ${claim.atMost}`;
  } else if ('between' in claim) {
    holds = v !== null && v >= claim.between[0] && v <= claim.between[1];
    rule = `in [${claim.between[0]}, ${claim.between[1]}]`;
  } else if ('aboveBaselineBy' in claim) {
    holds = v !== null && b !== null && v >= b + claim.aboveBaselineBy;
    rule = `≥ baseline + ${claim.aboveBaselineBy} (baseline ${show(b)})`;
  } else if ('belowBaselineBy' in claim) {
    holds = v !== null && b !== null && v <= b - claim.belowBaselineBy;
    rule = `≤ baseline − ${claim.belowBaselineBy} (baseline ${show(b)})`;
  } else {
    holds = v !== null && b !== null && v <= claim.belowBaselineFraction * b;
    rule = `≤ ${claim.belowBaselineFraction} × baseline (baseline ${show(b)})`;
  }
  return { claim, value, baseline: base, holds, text: `${m} ${rule} (measured ${show(value)})` };
}

/** Every claim of an experiment checked on its result. */
export function checkClaims(
  claims: readonly Claim[],
  result: ExperimentResult,
  baseline?: ExperimentResult,
): ClaimCheck[] {
  return claims.map((c) => checkClaim(c, result, baseline));
}
