/**
 * The gradient-experiment model: a typed configuration (`config.ts`), its fields' kinds and ranges from `src/shared/lab-fields.ts`, running it to a typed result
 * (`runner.ts`, views in `views.ts`), the named problems and remedies (`catalog.ts`) and the checks of
 * their captions' claims (`claims.ts`) and the findings that quote a run's numbers (`findings.ts`).
 */
export * from './config';
export * from './runner';
export * from './views';
export * from './catalog';
export * from './claims';
export * from './findings';
export * from './gaps';
export { finalOf, type ExperimentFinal } from './final';
