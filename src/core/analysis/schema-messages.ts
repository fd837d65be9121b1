/**
 * The model schema's problems by code (part of the error table, ./error-messages): where the problem
 * is (the model, a layer by its position, a field) and what zod found, by the kind of its issue. The
 * English is zod's own wording, so that the messages read as they always did.
 */
export const SCHEMA_MESSAGES = {
  /** A problem of the model itself (format, name, input), or of a layer without an id, by its position. */
  model: 'model: {text}',
  'layer-index': 'layer {index}: {text}',
  /** A problem of one field; `field` is a `field` message (the form shows its label) or an item of one. */
  'at-field': '{field}: {text}',
  field: '{key}',
  /** A field of the model itself (format, version, name, input, layers). */
  'model-field': '{key}',
  'field-item': '{field}.{index}',
  'not-object': 'must be an object',
  'unknown-op': 'unknown op {op} (known: {known})',
  'unknown-field': 'unknown field {keys}',
  'unknown-fields': 'unknown fields {keys}',
  'invalid-union': 'invalid value',
  /** zod's `invalid_type`: what was expected and what was found, each a `type-…` message. */
  'expected-type': 'Invalid input: expected {expected}, received {received}',
  missing: 'Invalid input: expected {expected}, received undefined',
  'not-integer': 'Invalid input: expected int, received number',
  'type-number': 'number',
  'type-int': 'int',
  'type-string': 'string',
  'type-boolean': 'boolean',
  'type-array': 'array',
  'type-object': 'object',
  'type-null': 'null',
  'type-other': '{name}',
  /** zod's `invalid_value`: one value (a literal) or one of several (an enum). */
  'expected-value': 'Invalid input: expected {value}',
  'expected-one-of': 'Invalid option: expected one of {values}',
  /** zod's `too_small` and `too_big`, by what is measured. */
  'too-small': 'Too small: expected number to be >={minimum}',
  'too-small-exclusive': 'Too small: expected number to be >{minimum}',
  'too-big': 'Too big: expected number to be <={maximum}',
  'too-big-exclusive': 'Too big: expected number to be <{maximum}',
  'too-short-string': 'Too small: expected string to have >={minimum} characters',
  'too-short-array': 'Too small: expected array to have >={minimum} items',
  'too-long-array': 'Too big: expected array to have <={maximum} items',
  /** Any other zod issue, in zod's words. */
  'zod-other': '{message}',
} as const;
