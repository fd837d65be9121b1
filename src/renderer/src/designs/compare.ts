import { analyzeModel, validateModel, type AnalysisOptions, type ModelAnalysis } from '../../../core';
import type { ModelJson } from '../../../shared/types';

export interface CompareRow {
  key: 'layers' | 'params' | 'macs' | 'flops' | 'activationBytes' | 'memoryAccessBytes';
  a: number;
  b: number;
  diff: number;
}

/** Totals of two analyses side by side, with B − A. */
export function compareTotals(a: ModelAnalysis, b: ModelAnalysis): CompareRow[] {
  const pick = (x: ModelAnalysis, key: CompareRow['key']) =>
    key === 'layers' ? x.layers.length : x.totals[key];
  return (['layers', 'params', 'macs', 'flops', 'activationBytes', 'memoryAccessBytes'] as const).map(
    (key) => {
      const va = pick(a, key);
      const vb = pick(b, key);
      return { key, a: va, b: vb, diff: vb - va };
    },
  );
}

/** A saved model analysed with the workspace's options; null when it no longer validates. */
export function analyseSaved(model: ModelJson, options: Partial<AnalysisOptions>): ModelAnalysis | null {
  const v = validateModel(model);
  return v.ok ? analyzeModel(v.model, options) : null;
}
