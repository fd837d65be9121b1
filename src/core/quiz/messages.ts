import type { SlipId } from './types';

/**
 * Every message of the answer reader and the grader, as a code with parameters: the core returns
 * `{ code, params }`, the CLI prints the English below (`renderNote`), and the renderer translates the
 * code through vue-i18n (`locales/en/grading.ts`, `locales/zh-CN/grading.ts`, keyed like this table). A template names its
 * parameters as `{name}`; the texts avoid vue-i18n's other syntax characters (| @ $ and braces).
 */
export const GRADE_MESSAGES = {
  empty: 'the answer is empty',
  'not-a-number': '"{raw}" is not a number',
  'decimal-comma-zero':
    '"{raw}": is the comma a decimal point? Write 0.{digits} with a point, or the whole number without the leading 0',
  'decimal-comma':
    '"{raw}": a comma here is neither a thousands separator nor allowed as a decimal point; write e.g. 1.5 or 1,500',
  'percent-magnitude': '"{raw}": a percentage with a magnitude suffix',
  'division-by-zero': '"{raw}": division by zero',
  bits: '"{raw}": "{word}" is bits (1 byte = 8 bits); write the size in bytes, e.g. {bytes}',
  'not-bytes': '"{raw}": this answer is not a size in bytes',
  'unknown-unit': '"{raw}": unknown unit "{word}"',
  'milli-or-mega': '"{raw}": "m" could mean milli or mega; write the number out or use M (10⁶)',
  'unknown-suffix': '"{raw}": unknown suffix "{word}"',
  'no-numbers': '"{raw}" holds no numbers',
  'list-item': '"{raw}": "{part}" is not a number',
  'no-option-letter': 'there is no option {key} (options: {keys})',
  'no-option-number': 'there is no option {number} (options 1–{count})',
  'none-of-options': '"{raw}" is none of the options; answer with a letter ({keys})',
  'choice-conflict': 'the letter {key} and the text of option {other} disagree; answer with one letter',
  'one-number': 'one number is expected, not {count}',
  'state-unit': 'state the unit (e.g. MB = 10⁶ bytes or MiB = 2²⁰ bytes): a bare number could be either',
  'power-of-1000':
    '"{raw}": {magnitude} is a power of 1000 but the question asks in {unit} (powers of 1024); write the unit, e.g. "1.2 {unit}" or "1.2 MB"',
  'no-layer': 'there is no layer "{name}" (layers: {layers})',
  'two-numbers': 'two numbers are expected',
  'shape-dims': 'the shape has {want} dimensions, the answer {got}',
  'exact-count': 'close, but an exact count is required ({expected})',
} as const;

export type GradeCode = keyof typeof GRADE_MESSAGES;

/** A message of the reader or the grader: its code and the values of its `{name}` parameters. */
export interface GradeNote {
  code: GradeCode;
  params: Record<string, string | number>;
}

/** What each slip means, in one sentence a learner can act on (the renderer's key: `grading.slips.<id>`). */
export const SLIP_MESSAGES: Record<SlipId, string> = {
  'forgot-2p': 'It looks like the padding was counted once instead of on both sides (2P).',
  'forgot-plus-one': 'It looks like the "+ 1" at the end of the output-size formula was left out.',
  'floor-ceil': 'It looks like the division was rounded the wrong way (floor vs ceil_mode).',
  'forgot-dilation': 'It looks like the dilation was ignored: the effective kernel is d(K − 1) + 1.',
  'forgot-bias': 'It looks like the bias was forgotten.',
  'added-bias': 'It looks like a bias was counted, but this layer has bias=False.',
  'ignored-groups': 'It looks like the groups were ignored: each filter only sees Cᵢₙ / groups channels.',
  'macs-for-flops': 'That is the MAC count: under this convention FLOPs = 2 × MACs.',
  'flops-for-macs': 'That is 2 × MACs (FLOPs): one multiply-accumulate counts as one MAC here.',
  'forgot-bias-adds': 'It looks like the bias adds (one per output element) were left out.',
  'used-input-size': 'It looks like the input height and width were used instead of the output size.',
  'mixed-mb-mib': 'It looks like MB (10⁶ bytes) and MiB (2²⁰ bytes) were mixed up.',
  'dtype-bytes': 'It looks like the wrong number of bytes per value was used (fp32 = 4, fp16 = 2).',
  'forgot-input-read': 'It looks like reading the input was left out of the memory access.',
  'forgot-weights-read': 'It looks like reading the parameters was left out of the memory access.',
  'strides-multiplied-wrongly':
    "It looks like each layer's own stride was included in its jump: layer l grows the RF by (Kₗ − 1) times the product of the strides of the layers before it only.",
  'ignored-strides':
    'It looks like the strides were ignored: each kernel grows the RF by (K − 1) times the jump so far.',
  'max-of-branches':
    'That is the larger branch RF; when branches are not centred on each other, the RF is the hull of both intervals.',
  'forgot-weight-factor': 'It looks like the weight factors ∣w∣ were left out of the product.',
  'used-sigmoid-value': 'It looks like σ(0) = 0.5 was used instead of the derivative σ′(0) = 0.25.',
  'inverted-clip-ratio':
    'The ratio is upside down: the scale factor is c / ‖g‖, which is below 1 when clipping.',
  'l1-norm': 'It looks like the sum of ∣gᵢ∣ was used; clipping uses the L2 norm √(Σ gᵢ²).',
  'l2-factor-two': 'It looks like the penalty λ·w² was differentiated to λ·w; its gradient is 2λw.',
  'forgot-linear-layers': 'It looks like the linear layers were left out of the total.',
  'params-for-macs': 'That layer has the most parameters, not the most MACs.',
  'macs-for-params': 'That layer has the most MACs, not the most parameters.',
  'counted-depthwise-only':
    'It looks like only the depthwise convolution was counted; add the pointwise 1×1 convolution.',
  'forgot-flatten':
    'It looks like only the channels were used as in_features; flattening gives C · H · W inputs.',
  'l2-for-l1': 'That is the L2 update (2λw); the L1 penalty λ·∣w∣ adds λ·sign(w) to the gradient.',
};

/** Fills `{name}` with the note's parameters (a missing one stays as written). */
export function fillNote(template: string, params: GradeNote['params']): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) =>
    params[k] === undefined ? whole : String(params[k]),
  );
}

/** The note in English (the CLI's text, and the `message` of a result). */
export function renderNote(note: GradeNote): string {
  return fillNote(GRADE_MESSAGES[note.code], note.params);
}

/** A note and its English rendering, as a failed read returns them. */
export function failure(
  code: GradeCode,
  params: GradeNote['params'] = {},
  ambiguous = false,
): { ok: false; note: GradeNote; message: string; ambiguous?: boolean } {
  const note = { code, params };
  return { ok: false, note, message: renderNote(note), ...(ambiguous ? { ambiguous: true } : {}) };
}
