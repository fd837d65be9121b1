export * from './types';
export { layerSchemas, modelEnvelopeSchema } from './schema';
export { validateModel, ModelValidationError, type ValidationResult } from './validate';
