import { type AnalysisOptions, analyzeModel, type ModelAnalysis, validateModel } from '../../../core';
import { type DesignDiff, diffDesigns, type FigureDelta, type TotalFigure } from '../../../core/diff';
import type { ModelJson } from '../../../shared/types';

/** The totals the Compare tab shows (the core diff's, but trainable parameters). */
export const SHOWN_TOTALS = [
  'layers',
  'params',
  'macs',
  'flops',
  'activationBytes',
  'memoryAccessBytes',
] as const;
export type ShownTotal = (typeof SHOWN_TOTALS)[number];

/** The totals rows of a diff, in SHOWN_TOTALS order. */
export function shownTotals(d: DesignDiff): FigureDelta<ShownTotal>[] {
  const set = new Set<TotalFigure>(SHOWN_TOTALS);
  return d.totals.filter((t): t is FigureDelta<ShownTotal> => set.has(t.key));
}

/** A saved model analysed with the workspace's options; null when it no longer validates. */
export function analyseSaved(model: ModelJson, options: Partial<AnalysisOptions>): ModelAnalysis | null {
  const v = validateModel(model);
  return v.ok ? analyzeModel(v.model, options) : null;
}

/** Two saved models compared layer by layer; null when either no longer validates. */
export function diffSaved(a: ModelJson, b: ModelJson, options: Partial<AnalysisOptions>): DesignDiff | null {
  const va = validateModel(a);
  const vb = validateModel(b);
  return va.ok && vb.ok ? diffDesigns(va.model, vb.model, options) : null;
}
