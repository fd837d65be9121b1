import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  applyConvention,
  CONVENTION_NAMES,
  getZooModel,
  listZoo,
  RULE_NOTES,
  type RuleText,
} from '../../../../src/core';
import en from '../../../../src/renderer/src/locales/en/counting';
import zh from '../../../../src/renderer/src/locales/zh-CN/counting';

/**
 * The Counting panel's rules: a formula (language-neutral), a note by code and a source tag. Every note
 * has a Chinese text with the same parameters, and what a rule shows besides its note is mathematics,
 * code names and the source, never English words.
 */
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Identifiers a formula may hold: symbols of the formulas, not words of a language. */
const SYMBOLS = new Set([
  'numel',
  'rows',
  'in',
  'out',
  'bias',
  'operands',
  'bounds',
  'MACs',
  'conv',
  'linear',
]);
const SYMBOLS_MORE = new Set(['matmul', 'convTranspose', 'recurrent', 'Cin', 'Cout', 'Kh', 'Kw']);

describe('counting rules in both languages', () => {
  it('every note has a Chinese text with the same parameters, and the English table is the core’s', () => {
    const notes = zh.counting.notes as Record<string, string>;
    for (const [code, text] of Object.entries(RULE_NOTES)) {
      expect(notes[code], code).toBeTruthy();
      expect(params(notes[code]!), code).toEqual(params(text));
      // Chinese, not English left over: no run of three Latin letters outside the code names it quotes.
      const words = notes[code]!.replace(
        /\{\w+\}|`[^`]*`|LayerNorm|FLOPs|MAC|fvcore|sigmoid|hardsigmoid|softmax|exp|erf|torch|numel|Kh|Kw|out/g,
        '',
      );
      expect(words, code).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(Object.keys(notes).sort()).toEqual(Object.keys(RULE_NOTES).sort());
    expect(en.counting.notes).toEqual(RULE_NOTES);
  });

  it('every rule of every zoo network under every convention is a formula of symbols and a known note', () => {
    const rules: RuleText[] = [];
    for (const z of listZoo()) {
      const m = getZooModel(z.name)!;
      const a = analyzeModel(m);
      for (const c of CONVENTION_NAMES)
        for (const l of applyConvention(m, a, c).layers) rules.push(l.ruleText);
    }
    expect(rules.length).toBeGreaterThan(5000);
    const codes = new Set<string>();
    for (const r of rules) {
      for (const w of r.formula.match(/[A-Za-z]{2,}/g) ?? [])
        expect(SYMBOLS.has(w) || SYMBOLS_MORE.has(w), `"${w}" in ${r.formula}`).toBe(true);
      if (r.note) {
        expect(RULE_NOTES[r.note], r.note).toBeTruthy();
        codes.add(r.note);
      }
      expect(r.formula || r.note, JSON.stringify(r)).toBeTruthy();
    }
    expect(codes.size).toBeGreaterThanOrEqual(25);
  });
});
