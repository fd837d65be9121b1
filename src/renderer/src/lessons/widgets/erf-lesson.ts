import { type ErfInfo, computeErf } from '../../../../core/erf';
import { ERF_DEPTHS, ERF_VARIANTS, type ErfVariant, erfPlainStack } from '../examples';

export interface DepthPoint {
  depth: number;
  rf: number;
  side68: number;
  side95: number;
  info: ErfInfo;
}

/** A least-squares line through (ln x, ln y): y ≈ c · x^α. */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): { alpha: number; c: number } {
  const n = xs.length;
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  const alpha = sxy / sxx;
  return { alpha, c: Math.exp(my - alpha * mx) };
}

let depthCache: DepthPoint[] | null = null;

/** The uniform ERF of each 3×3 stack of ERF_DEPTHS (small single-channel nets: milliseconds). */
export function depthSeries(): DepthPoint[] {
  depthCache ??= ERF_DEPTHS.map((depth) => {
    const info = computeErf(erfPlainStack(depth), { mode: 'uniform' });
    return { depth, rf: info.hull.size[0], side68: info.stats.side68, side95: info.stats.side95, info };
  });
  return depthCache;
}

/** Depths from which the power law is fitted (the √depth law is asymptotic: shallow stacks bend it). */
export const FIT_FROM_DEPTH = 4;

/** Fitted exponents of side68, side95 and the theoretical RF against depth (depth ≥ FIT_FROM_DEPTH). */
export function depthFit(points: DepthPoint[] = depthSeries()) {
  const p = points.filter((q) => q.depth >= FIT_FROM_DEPTH);
  const d = p.map((q) => q.depth);
  return {
    side68: fitPowerLaw(
      d,
      p.map((q) => q.side68),
    ),
    side95: fitPowerLaw(
      d,
      p.map((q) => q.side95),
    ),
    rf: fitPowerLaw(
      d,
      p.map((q) => q.rf),
    ),
  };
}

const variantCache = new Map<ErfVariant, ErfInfo>();

/** The uniform ERF of one of the lesson's variants (plain, residual, dilated, strided, gridding). */
export function variantErf(key: ErfVariant): ErfInfo {
  let info = variantCache.get(key);
  if (!info) {
    info = computeErf(ERF_VARIANTS[key](), { mode: 'uniform' });
    variantCache.set(key, info);
  }
  return info;
}
