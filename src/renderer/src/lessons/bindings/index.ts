import type { LessonId } from '../catalog';
import type { Bindings } from '../types';
import { layerComplexity, networkComplexity, spaceComplexity } from './complexity';
import { exploding, initialisation, remedies, vanishing } from './gradients';
import { dilated, multiScale, outputSize, receptiveField } from './sizes';

/**
 * The numbers each lesson shows, computed with the analysis core (and the gradient engine) from the
 * lesson's own example (`../examples.ts`). Inputs of an example (X, K, P, S…) are bindings too, so
 * that changing an example here changes every text that mentions it.
 */
const BUILDERS: Record<LessonId, () => Bindings> = {
  'output-size': outputSize,
  'layer-complexity': layerComplexity,
  'network-complexity': networkComplexity,
  'space-complexity': spaceComplexity,
  'receptive-field': receptiveField,
  'dilated-convolution': dilated,
  'multi-scale': multiScale,
  initialisation,
  'vanishing-gradients': vanishing,
  'exploding-gradients': exploding,
  remedies,
};

const cache = new Map<LessonId, Bindings>();

/** The computed values a lesson's texts refer to by `{{ name }}`. */
export function lessonBindings(id: LessonId): Bindings {
  let b = cache.get(id);
  if (!b) {
    b = BUILDERS[id]();
    cache.set(id, b);
  }
  return b;
}

export { initRun } from './gradients';
