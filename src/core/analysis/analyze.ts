import { ModelValidationError } from '../model/errors';
import type { ModelSpec } from '../model/types';
import { evaluateModel } from './engine';
import { type AnalysisOptions, DEFAULT_OPTIONS, type ModelAnalysis } from './types';

/**
 * Per-layer analysis of a model: shapes with output-size traces, parameters, MACs and FLOPs under
 * the chosen convention, activation memory, memory access and arithmetic intensity, receptive
 * fields, warnings, and totals. Layers come in evaluation (topological) order.
 *
 * The model is expected to be valid (see validateModel); graph and shape problems throw a
 * {@link ModelValidationError} that lists them.
 */
export function analyzeModel(model: ModelSpec, options?: Partial<AnalysisOptions>): ModelAnalysis {
  const opts: AnalysisOptions = { ...DEFAULT_OPTIONS, ...options };
  const { issues, analysis } = evaluateModel(model, opts, true);
  if (issues.length || !analysis) throw new ModelValidationError(issues);
  return analysis;
}
