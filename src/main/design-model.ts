import { analyzeModel, validateModel } from '../core';
import type { DesignStats, ModelJson } from '../shared/types';

export type CheckedModel = { ok: true; stats: DesignStats } | { ok: false; message: string };

/**
 * Validates a model with the analysis core and computes the totals the library sorts by. The message of
 * a refusal is the core's (it names the layer), with a count of any further problems.
 */
export function checkModel(model: ModelJson): CheckedModel {
  const valid = validateModel(model);
  if (!valid.ok) {
    const [first, ...rest] = valid.errors;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    return { ok: false, message: `${first?.message ?? 'invalid model'}${more}` };
  }
  const { totals } = analyzeModel(valid.model);
  return { ok: true, stats: { params: totals.params, macs: totals.macs } };
}
