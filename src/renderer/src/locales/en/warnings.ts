import { WARNING_MESSAGES } from '../../../../core/analysis/warning-messages';

/**
 * The analysis warnings (`analysisWarnings.notes.<code>`, with the warning's parameters): the core's own
 * English table. `separator` joins the items of a list parameter (the branches of a merge).
 */
export default {
  analysisWarnings: {
    notes: { ...WARNING_MESSAGES } as Record<keyof typeof WARNING_MESSAGES, string>,
    separator: ', ',
  },
};
