export * from './types';
export { analyzeModel } from './analyze';
export * from './conventions';
export { ERROR_MESSAGES, type ErrorCode } from './error-messages';
export {
  WARNING_MESSAGES,
  englishTemplate,
  errorNote,
  issueLine,
  warningLine,
  warningText,
  type ErrorNote,
  type MessageCode,
  type MessageNote,
  type WarningCode,
  type WarningNote,
  type WarningParam,
  type WarningTranslator,
} from './warning-messages';
export { RULE_NOTES, ruleLine, fillNote, type RuleText, type RuleNoteCode } from './ops/rule-notes';
export { countLayers, defaultCounting, macsByKind, PRODUCT_KINDS, type CountedLayer } from './counting';
export * from './training';
