import { ERROR_MESSAGES } from '../../../../core/analysis/error-messages';

/**
 * A model's validation errors (`modelErrors.notes.<code>`, with the error's parameters): the core's own
 * English table. `field` names a field as the form labels it (the core writes its key alone).
 */
export default {
  modelErrors: {
    notes: { ...ERROR_MESSAGES } as Record<keyof typeof ERROR_MESSAGES, string>,
    field: '{label} ({key})',
    /** The model's own fields. */
    modelFields: {
      format: 'Format',
      version: 'Version',
      name: 'Name',
      input: 'Input shape',
      layers: 'Layers',
    },
  },
};
