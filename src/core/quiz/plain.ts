import { stepName } from './answer-format';
import type { FormulaTrace } from '../formulas/latex';
import { scripted } from '../format';

/** An escaped underscore (`\_`, part of a name such as fan\_in) while the scripts are converted. */
const UNDERSCORE = '\u0000';

/**
 * Sub- and superscripts written with Unicode characters (`r_{l-1}` → rₗ₋₁, `C_{in}` → Cᵢₙ, `10^{6}` →
 * 10⁶) where Unicode has every character (`scripted`); else kept readable: `K_eff`, `x^(w+1)`.
 */
function scripts(s: string): string {
  const one = (mark: string, text: string) => {
    const p = mark === '_' ? 'sub' : 'sup';
    return scripted(text, p) ?? (/^\w+$/.test(text) ? `${mark}${text}` : `${mark}(${text})`);
  };
  return s
    .replace(/([_^])\{([^{}\\]*)\}/g, (_, mark: string, text: string) => one(mark, text.trim()))
    .replace(/([_^])([A-Za-z0-9])(?![A-Za-z0-9])/g, (_, mark: string, c: string) => one(mark, c));
}

/**
 * LaTeX of the core's formula traces as plain text for terminals and worksheets:
 * \frac{a}{b} → (a)/(b), \left\lfloor … \right\rfloor → ⌊…⌋, \cdot → ·, `r_{l-1}` → rₗ₋₁, thin
 * spaces dropped.
 */
export function latexToText(tex: string): string {
  // Sub- and superscripts first, so that \frac's arguments hold no nested braces.
  let s = scripts(
    tex.replace(/\\_/g, UNDERSCORE).replace(/\\(?:text|operatorname|mathrm)\{([^{}]*)\}/g, '$1'),
  );
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
    [/\\rho/g, 'ρ'],
    [/\\ln\b/g, 'ln'],
    [/\\tanh/g, 'tanh'],
    [/\\lambda/g, 'λ'],
    [/\\eta/g, 'η'],
    [/\\gamma/g, 'γ'],
    [/\\beta/g, 'β'],
    [/\\mu/g, 'μ'],
    [/\\textstyle/g, ''],
    [/\\text\{([^{}]*)\}/g, '$1'],
    [/\\(?:,|;|quad|!)/g, ' '],
    [/\\sum/g, 'Σ'],
    [/\\prod/g, 'Π'],
  ];
  for (const [re, to] of words) s = s.replace(re, to);
  // Scripts whose text held a command (`W_{\text{hh}}`) once it is plain.
  s = scripts(s).split(UNDERSCORE).join('_');
  return s.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

function wrap(x: string): string {
  return /^[\p{L}\p{N}.]+$/u.test(x.trim()) ? x.trim() : `(${x.trim()})`;
}

/** One step as "quantity: formula; substituted". */
export function traceToText(t: FormulaTrace): string {
  return `${stepName(t)}: ${latexToText(t.formula)}; ${latexToText(t.substituted)}`;
}
