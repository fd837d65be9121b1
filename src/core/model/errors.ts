import type { ModelIssue } from './types';

/**
 * Thrown by analyzeModel for a model that does not validate; carries every issue. A module of its own:
 * the analysis throws it without loading the model schema (and zod).
 */
export class ModelValidationError extends Error {
  constructor(readonly issues: ModelIssue[]) {
    super(
      issues.length === 1
        ? issues[0].message
        : `${issues[0].message} (and ${issues.length - 1} more problems)`,
    );
  }
}
