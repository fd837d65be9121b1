import { ERF_DEPTHS } from '../examples';
import { FIT_FROM_DEPTH, depthFit, depthSeries, variantErf } from '../widgets/erf-lesson';
import type { Bindings } from '../types';

/** The effective-receptive-field section's numbers, from the ERF core on the lesson's stacks. */
export function erfBindings(): Bindings {
  const points = depthSeries();
  const deep = points[points.length - 1];
  const fit = depthFit(points);
  const out: Bindings = {
    'erf.maxDepth': ERF_DEPTHS[ERF_DEPTHS.length - 1],
    'erf.fitFrom': FIT_FROM_DEPTH,
    'erf.deep.rf': deep.rf,
    'erf.deep.side68': deep.side68,
    'erf.deep.side95': deep.side95,
    'erf.alpha68': fit.side68.alpha,
    'erf.alphaRf': fit.rf.alpha,
  };
  for (const key of ['plain', 'residual', 'dilated', 'strided', 'gridding'] as const) {
    const v = variantErf(key);
    out[`erf.${key}.rf`] = v.hull.size[0];
    out[`erf.${key}.side68`] = v.stats.side68;
    out[`erf.${key}.holes`] = v.stats.holes;
    out[`erf.${key}.hullPixels`] = v.hull.size[0] * v.hull.size[1];
  }
  return out;
}
