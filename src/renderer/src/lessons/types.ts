/**
 * Lesson content is data: one file per lesson and language under `content/<locale>/`. Texts are
 * plain strings with a small inline syntax, rendered by `rich-text.ts`:
 *   `$…$` inline LaTeX (KaTeX), `**…**` bold, `` `…` `` code, `{{ name }}` or `{{ name | format }}` a value the
 *   analysis core computed for this lesson (see `bindings.ts`). No number that the core can compute
 *   is written into a text; a unit test scans every text for digits.
 */

/** Widgets a lesson can embed, by key (see `widgets/registry.ts`). */
export const WIDGET_KEYS = [
  'conv-sliders',
  'conv-sliders-dilated',
  'layer-cost',
  'net-chart-small',
  'net-chart-zoo',
  'rf-classic',
  'rf-strided',
  'rf-dilated',
  'rf-gridding',
  'rf-growth',
  'grad-vanishing',
  'grad-exploding',
  'grad-remedies',
] as const;
export type WidgetKey = (typeof WIDGET_KEYS)[number];

export type Block =
  /** A paragraph. */
  | string
  /** A display formula (LaTeX; may contain `{{ name }}` bindings). */
  | { tex: string }
  | { list: string[] }
  /** A highlighted aside. */
  | { note: string }
  | { widget: WidgetKey };

export interface LessonSection {
  /** Stable id, stored as the learner's position (lower-case letters, digits and dashes). */
  id: string;
  title: string;
  blocks: Block[];
}

export interface LessonText {
  title: string;
  /** One sentence for the lesson path. */
  summary: string;
  sections: LessonSection[];
}

/** A value a text may show: numbers come from the core; strings are shapes or formatted counts. */
export type BindingValue = number | string;
export type Bindings = Record<string, BindingValue>;
