/**
 * Where a log10 curve has no point: the value was 0 (it underflowed below the smallest double,
 * about 10⁻³²⁴, so log10 is −∞), infinite (overflow) or not a number. A log axis cannot draw these,
 * so a chart says where and why instead of letting its curve silently end.
 */
export interface CurveGap {
  why: 'underflow' | 'overflow' | 'nan';
  /** First and last index of the run of missing points (inclusive). */
  from: number;
  to: number;
}

const whyOf = (v: number): CurveGap['why'] | null =>
  v === -Infinity ? 'underflow' : v === Infinity ? 'overflow' : Number.isNaN(v) ? 'nan' : null;

/** The runs of missing points of a log10 curve (−∞, +∞ or NaN), in order. */
export function gapsOf(log10: ArrayLike<number>): CurveGap[] {
  const gaps: CurveGap[] = [];
  for (let i = 0; i < log10.length; i++) {
    const why = whyOf(log10[i]!);
    if (!why) continue;
    const last = gaps[gaps.length - 1];
    if (last && last.why === why && last.to === i - 1) last.to = i;
    else gaps.push({ why, from: i, to: i });
  }
  return gaps;
}
