import { stepName } from './answer-format';
import type { FormulaTrace } from '../formulas/latex';

/**
 * LaTeX of the core's formula traces as plain text for terminals and worksheets:
 * \frac{a}{b} → (a)/(b), \left\lfloor … \right\rfloor → ⌊…⌋, \cdot → ·, thin spaces dropped.
 */
export function latexToText(tex: string): string {
  // Sub- and superscripts first, so that \frac's arguments hold no nested braces.
  let s = tex.replace(/_\{([^{}]*)\}/g, '_$1').replace(/\^\{([^{}]*)\}/g, '^$1');
  // Innermost \frac first, repeatedly, so that nested fractions unwind.
  for (let i = 0; i < 8 && s.includes('\\frac'); i++) {
    s = s.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, (_, a: string, b: string) => `${wrap(a)}/${wrap(b)}`);
  }
  const words: [RegExp, string][] = [
    [/\\left\\lfloor|\\lfloor/g, '⌊'],
    [/\\right\\rfloor|\\rfloor/g, '⌋'],
    [/\\left\\lceil|\\lceil/g, '⌈'],
    [/\\right\\rceil|\\rceil/g, '⌉'],
    [/\\left\\lVert|\\right\\rVert|\\lVert|\\rVert/g, '‖'],
    [/\\left\(|\\left\[/g, '('],
    [/\\right\)|\\right\]/g, ')'],
    [/\\cdot/g, '·'],
    [/\\times/g, '×'],
    [/\\max/g, 'max'],
    [/\\min/g, 'min'],
    [/\\sum_\{?([^{}\s]*)\}?/g, 'Σ_$1 '],
    [/\\prod_\{([^{}]*)\}\^\{([^{}]*)\}/g, 'Π_($1..$2) '],
    [/\\prod_\{?([^{}\s]*)\}?/g, 'Π_$1 '],
    [/\\sqrt\{([^{}]*)\}/g, '√($1)'],
    [/\\sigma/g, 'σ'],
    [/\\tanh/g, 'tanh'],
    [/\\lambda/g, 'λ'],
    [/\\eta/g, 'η'],
    [/\\gamma/g, 'γ'],
    [/\\beta/g, 'β'],
    [/\\mu/g, 'μ'],
    [/\\textstyle/g, ''],
    [/\\text\{([^{}]*)\}/g, '$1'],
    [/\\(?:,|;|quad|!)/g, ' '],
    [/\\_/g, '_'],
    [/_\{([^{}]*)\}/g, '_$1'],
    [/\^\{([^{}]*)\}/g, '^$1'],
  ];
  for (const [re, to] of words) s = s.replace(re, to);
  return s.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

function wrap(x: string): string {
  return /^[\w.]+$/.test(x.trim()) ? x.trim() : `(${x.trim()})`;
}

/** One step as "quantity: formula; substituted". */
export function traceToText(t: FormulaTrace): string {
  return `${stepName(t)}: ${latexToText(t.formula)}; ${latexToText(t.substituted)}`;
}
