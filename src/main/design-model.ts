import { analyzeModel, validateModel } from '../core';
import { modelRefusal, type ModelRefusal } from '../shared/result';
import type { DesignStats, ModelJson } from '../shared/types';

export type CheckedModel =
  { ok: true; stats: DesignStats } | { ok: false; message: string; refusal: ModelRefusal };

/**
 * Validates a model with the analysis core and computes the totals the library sorts by. A refusal
 * carries the core's first problem (it names the layer) by code, for the page to say in the user's
 * language, and in English as `message`, with a count of any further problems.
 */
export function checkModel(model: ModelJson): CheckedModel {
  const valid = validateModel(model);
  if (!valid.ok) {
    const refusal = modelRefusal(valid.errors);
    const n = refusal.more;
    const more = n ? ` (and ${n} more problem${n > 1 ? 's' : ''})` : '';
    return { ok: false, message: `${refusal.issue.message}${more}`, refusal };
  }
  const { totals } = analyzeModel(valid.model);
  return { ok: true, stats: { params: totals.params, macs: totals.macs } };
}
