/** A number for LaTeX: integers with thin-space thousands separators so long counts stay readable. */
export function tex(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) {
    const s = Math.abs(n).toString();
    if (s.length <= 4) return n < 0 ? `-${s}` : s;
    const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, '\\,');
    return n < 0 ? `-${grouped}` : grouped;
  }
  return String(Number(n.toPrecision(6)));
}

/** One explained number: the general formula, the same formula with numbers, and the result. */
export interface FormulaTrace {
  /** What the number is, e.g. "params.weights" or "outputSize.h". */
  quantity: string;
  /** General formula in LaTeX. */
  formula: string;
  /** The formula with this layer's numbers substituted, in LaTeX. */
  substituted: string;
  value: number;
}

export function trace(quantity: string, formula: string, substituted: string, value: number): FormulaTrace {
  return { quantity, formula, substituted, value };
}
