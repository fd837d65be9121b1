/**
 * Lesson content is data: one file per lesson and language under `content/<locale>/`. Texts are
 * plain strings with a small inline syntax, rendered by `rich-text.ts`:
 *   `$…$` inline LaTeX (KaTeX), `**…**` bold, `` `…` `` code, `{{ name }}` or `{{ name | format }}` a value the
 *   analysis core computed for this lesson (see `bindings/`). A number the core computes, and every
 *   input of a lesson's example, is a binding, never typed into a text; the unit tests check the
 *   bindings' values.
 */

/** Widgets a lesson can embed, by key (see `widgets/LessonWidget.vue`). */
export const WIDGET_KEYS = [
  'conv-sliders',
  'conv-sliders-dilated',
  'layer-cost',
  'net-chart-small',
  'net-chart-zoo',
  'attention-cost',
  'rf-classic',
  'rf-strided',
  'rf-dilated',
  'rf-gridding',
  'rf-growth',
  'erf-depth',
  'erf-variants',
  'init-variance',
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
