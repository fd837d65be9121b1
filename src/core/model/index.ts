export * from './types';
export { layerSchemas, modelEnvelopeSchema } from './schema';
export { ModelValidationError } from './errors';
export { validateModel, type LayerCheckCache, type ValidationResult } from './validate';
