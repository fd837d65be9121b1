/**
 * Every analysis warning as a code with parameters. The core keeps the English text here (the CLI, the
 * reports and the JSON print it as `message`); the renderer shows `designs.warnings.<code>` in the UI
 * language (its English table is this one, `locales/zh-CN/designs-warnings.ts` keys on the same codes).
 * A template names its parameters as `{name}`; a parameter is a number, an id or a symbol (H, W, an
 * operator's name), another message (an optional clause, '' when absent) or a list of messages. A
 * text with a count has two forms, "singular | plural" as in vue-i18n, chosen by its `count`; the texts
 * avoid vue-i18n's other syntax characters (@ $).
 */
import { type ErrorCode, ERROR_MESSAGES } from './error-messages';

export const WARNING_MESSAGES = {
  /** A warning of one layer: the layer's id before the text. */
  layer: 'layer "{layer}": {text}',
  'ceil-past-input':
    'along {axis}, X + P_b + P_a − K_eff = {numerator} is not divisible by stride {stride}: ceil_mode adds a last window that runs past the input',
  'unread-last-rows':
    'along H, X + P_b + P_a − K_eff = {numerator} is not divisible by stride {stride}: the last {count} input row is never read | along H, X + P_b + P_a − K_eff = {numerator} is not divisible by stride {stride}: the last {count} input rows are never read',
  'unread-last-columns':
    'along W, X + P_b + P_a − K_eff = {numerator} is not divisible by stride {stride}: the last {count} input column is never read | along W, X + P_b + P_a − K_eff = {numerator} is not divisible by stride {stride}: the last {count} input columns are never read',
  'unread-gaps-rows':
    'along H, {count} of the {size} input rows are never read: windows of {taps}{spacing} at stride {stride} leave gaps{last}',
  'unread-gaps-columns':
    'along W, {count} of the {size} input columns are never read: windows of {taps}{spacing} at stride {stride} leave gaps{last}',
  /**
   * The clauses of the two above: the taps of a window, spaced by a dilation, and gaps that include the
   * last rows/columns.
   */
  taps: '{count} tap | {count} taps',
  'gaps-spacing': ' spaced {dilation}',
  'gaps-last-rows': ', including the last {count}',
  'gaps-last-columns': ', including the last {count}',
  'adaptive-unequal':
    'adaptive pooling {size}→{out} along {axis} uses windows of unequal size; the RF is given for the largest window',
  'misaligned-branches':
    'branch receptive fields are not centred on each other ({branches}); the RF is their hull {h}×{w}, larger than the biggest branch',
  /** One branch of the list above: its RF and where it starts. */
  'branch-rf': '"{id}" {h}×{w} from ({y}, {x})',
  'jump-mismatch': 'branches have different jumps ({branches}); the larger is used',
  /** One branch of the list above: its jump. */
  'branch-jump': '"{id}" {h}×{w}',
  'rf-holes':
    'the receptive field has holes: its taps are spaced wider than what each tap sees, so some input pixels inside {h}×{w} are never read',
  unsupported:
    'operator {name} is not supported: its cost (params, MACs, FLOPs) is unknown and missing from the totals, which are incomplete; the receptive field passes through unchanged',
  /** A layer whose numbers leave exact integer arithmetic (an issue: the design is refused). */
  'beyond-2-53': '{what} {value} exceed 2⁵³ ({max}), beyond exact integer arithmetic',
  'limit-output-elements': 'output elements',
  'limit-parameters': 'parameters',
  'limit-macs': 'MACs',
  'limit-flops': 'FLOPs',
  'limit-total-flops': 'total FLOPs',
  'limit-activation-bytes': 'total activation bytes',
  'limit-memory-bytes': 'total memory access bytes',
  /** Nodes an ONNX import left out (not a layer's warning: no layer prefix); `reason` is the importer's. */
  'onnx-skipped-one':
    '1 ONNX node is not in the model (first: {op} "{node}": {reason}); totals are incomplete',
  'onnx-skipped':
    '{count} ONNX nodes are not in the model (first: {op} "{node}": {reason}); totals are incomplete',
} as const;

export type WarningCode = keyof typeof WARNING_MESSAGES;

/** A warning's or an error's code (./error-messages): the two tables share one space of codes. */
export type MessageCode = WarningCode | ErrorCode;

/** A parameter's value: a number, a string (id, symbol), another message or a list of messages. */
export type WarningParam = number | string | MessageNote | MessageNote[];

/** A message by code with the values of its `{name}` parameters. */
export interface WarningNote {
  code: WarningCode;
  params: Record<string, WarningParam>;
}

/** A validation error by code (a layer that does not fit, the graph, the schema). */
export interface ErrorNote {
  code: ErrorCode;
  params: Record<string, WarningParam>;
}

export type MessageNote = WarningNote | ErrorNote;

const TEMPLATES: Record<MessageCode, string> = { ...WARNING_MESSAGES, ...ERROR_MESSAGES };

/** The `{name}` parameters of a template, as a type: every one must be given. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | ParamNames<R> : never;
export type WarningParams<C extends WarningCode> = Record<
  ParamNames<(typeof WARNING_MESSAGES)[C]>,
  WarningParam
>;
export type ErrorParams<C extends ErrorCode> = Record<ParamNames<(typeof ERROR_MESSAGES)[C]>, WarningParam>;

/** A fractional size, start or jump as a message writes it: six significant digits, as the formulas do. */
export const sig6 = (x: number): number => (Number.isInteger(x) ? x : Number(x.toPrecision(6)));

/** A message with its parameters checked against its template. */
export const note = <C extends WarningCode>(code: C, params: WarningParams<C>): WarningNote => ({
  code,
  params,
});

/** An error with its parameters checked against its template. */
export const errorNote = <C extends ErrorCode>(code: C, params: ErrorParams<C>): ErrorNote => ({
  code,
  params,
});

/** Codes whose warning is not a layer's own (no "layer …:" before the text). */
const NOT_A_LAYER: ReadonlySet<MessageCode> = new Set([
  'onnx-skipped-one',
  'onnx-skipped',
  // Errors that name their place themselves: the model, or a layer by its position.
  'model',
  'layer-index',
]);

/**
 * How a front end writes one message: its template filled with parameters already in words; `count`
 * (the message's own `count` parameter, when it has one) chooses a plural form.
 */
export type WarningTranslator = (code: MessageCode, params: Record<string, string>, count?: number) => string;

/** The message in a language: nested messages first, lists joined with `separator`, numbers by `num`. */
export function warningText(
  n: MessageNote,
  translate: WarningTranslator = englishTemplate,
  num: (x: number) => string = String,
  separator = ', ',
): string {
  const words: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.params)) {
    words[k] =
      typeof v === 'number'
        ? num(v)
        : typeof v === 'string'
          ? v
          : Array.isArray(v)
            ? v.map((x) => warningText(x, translate, num, separator)).join(separator)
            : warningText(v, translate, num, separator);
  }
  const count = n.params.count;
  return translate(n.code, words, typeof count === 'number' ? count : undefined);
}

/** A warning as the list shows it: the layer's id first unless it is not a layer's warning. */
export function warningLine(
  w: { layerId: string } & MessageNote,
  translate: WarningTranslator = englishTemplate,
  num: (x: number) => string = String,
  separator = ', ',
): string {
  const text = warningText(w, translate, num, separator);
  return NOT_A_LAYER.has(w.code) ? text : translate('layer', { layer: w.layerId, text });
}

/**
 * A validation problem as a line: its message by code (`note`), the layer's id first when it names a
 * layer and the message does not name its place itself; the core's `message` when it has no code.
 */
export function issueLine(
  issue: { layerId?: string; message: string; note?: MessageNote },
  translate: WarningTranslator = englishTemplate,
  num: (x: number) => string = String,
  separator = ', ',
): string {
  if (!issue.note) return issue.message;
  if (issue.layerId === undefined) return warningText(issue.note, translate, num, separator);
  return warningLine({ layerId: issue.layerId, ...issue.note }, translate, num, separator);
}

/**
 * Each English form split once at its `{name}`s: text, name, text, … (an analysis writes its warnings
 * on every run; splitting and matching the template each time cost more than the rest of the text).
 */
const compiled = new Map<string, string[][]>();

/** The English of one message: its template filled in. */
export function englishTemplate(code: MessageCode, params: Record<string, string>, count?: number): string {
  let forms = compiled.get(code);
  if (forms === undefined) {
    forms = TEMPLATES[code].split(' | ').map((f) => f.split(/\{(\w+)\}/));
    compiled.set(code, forms);
  }
  const parts = forms.length === 2 && count !== 1 ? forms[1] : forms[0];
  let out = parts[0];
  for (let k = 1; k < parts.length; k += 2) out += (params[parts[k]] ?? `{${parts[k]}}`) + parts[k + 1];
  return out;
}
