import { h } from 'vue';
import { NPopover } from 'naive-ui';
import katex from 'katex';
import 'katex/dist/katex.min.css';
import type { LayerAnalysis } from '../../../core/analysis';
import { unreadInput } from '../../../core/analysis/ops/common';
import { outputSizeLatex, type OutputSizeTrace } from '../../../core/formulas/output-size';
import { formatInt, formatShape } from '../../../core/format';

/** vue-i18n's `t` as the cell uses it. */
type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

/** KaTeX of the core's own LaTeX (never user text), so v-html / innerHTML is safe here. */
const tex = (s: string) => katex.renderToString(s, { throwOnError: false });

/**
 * What an inexact division means along one axis: input rows (columns) no window reads, or only
 * padding left over (no input skipped), as the analysis warns.
 */
function inexactNote(t: Translate, axis: 'rows' | 'columns', trace: OutputSizeTrace): string | null {
  if (trace.exact) return null;
  const { total } = unreadInput(trace);
  return total === 0
    ? t('designs.analysis.inexactPadding')
    : t(`designs.analysis.inexact.${axis}`, { count: formatInt(total) }, total);
}

function traceBlock(t: Translate, label: string, axis: 'rows' | 'columns', trace: OutputSizeTrace) {
  const l = outputSizeLatex(trace);
  const inexact = inexactNote(t, axis, trace);
  return h('div', { class: 'cs-trace-dim' }, [
    h('div', { class: 'cs-trace-label' }, label),
    h('div', { innerHTML: tex(l.formula) }),
    h('div', { innerHTML: tex(l.substituted) }),
    inexact ? h('div', { class: 'cs-trace-warn', 'data-testid': 'trace-inexact' }, inexact) : null,
  ]);
}

/**
 * The analysis table's output-shape cell: the shape, and on hover (or focus) how each side of it follows
 * from the layer's input, kernel, stride and padding.
 */
export const outputShapeCell = (t: Translate) =>
  function shapeCell(row: LayerAnalysis) {
    const text = formatShape(row.outputShape);
    const traces = row.outputSizeTrace;
    if (!traces) return h('span', { 'data-testid': 'cell-output' }, text);
    return h(
      NPopover,
      { trigger: 'hover', placement: 'right', style: { maxWidth: '520px' } },
      {
        trigger: () => h('span', { class: 'cs-has-trace', 'data-testid': 'cell-output', tabindex: 0 }, text),
        default: () =>
          h('div', { 'data-testid': 'output-trace' }, [
            h('div', { class: 'cs-trace-title' }, t('designs.analysis.traceTitle')),
            traceBlock(t, t('designs.analysis.traceHeight'), 'rows', traces[0]),
            traceBlock(t, t('designs.analysis.traceWidth'), 'columns', traces[1]),
          ]),
      },
    );
  };
