import { describe, expect, it } from 'vitest';
import { lessonBindings } from '../../../../src/renderer/src/lessons/bindings';
import {
  depthFit,
  depthSeries,
  fitPowerLaw,
  variantErf,
} from '../../../../src/renderer/src/lessons/widgets/erf-lesson';

describe('the ERF section of the receptive-field lesson', () => {
  it('fits an exact power law exactly', () => {
    const xs = [2, 4, 8, 16];
    const fit = fitPowerLaw(
      xs,
      xs.map((x) => 3 * x ** 0.5),
    );
    expect(fit.alpha).toBeCloseTo(0.5, 12);
    expect(fit.c).toBeCloseTo(3, 12);
  });

  it('shows the √depth law: the ERF side grows with an exponent near ½, the theoretical RF near 1', () => {
    const points = depthSeries();
    for (const p of points) expect(p.rf).toBe(2 * p.depth + 1);
    const fit = depthFit(points);
    expect(fit.side68.alpha).toBeGreaterThan(0.35);
    expect(fit.side68.alpha).toBeLessThan(0.6);
    expect(fit.side95.alpha).toBeLessThan(0.7);
    expect(fit.rf.alpha).toBeGreaterThan(0.9);
    // The deepest stack: most of the field carries almost nothing.
    const deep = points[points.length - 1];
    expect(deep.side95).toBeLessThan(deep.rf / 2);
  });

  it('shows shortcuts shrinking the ERF inside the same RF, and the gridding holes of dilation 2, 2, 2', () => {
    const plain = variantErf('plain');
    const residual = variantErf('residual');
    expect(residual.hull).toEqual(plain.hull);
    expect(residual.stats.side68).toBeLessThan(plain.stats.side68);
    const grid = variantErf('gridding');
    // Taps of dilation 2 land on even offsets only: (size² − ((size + 1)/2)²) pixels are never read.
    const n = grid.hull.size[0];
    expect(grid.stats.holes).toBe(n * n - ((n + 1) / 2) ** 2);
    expect(variantErf('dilated').stats.holes).toBe(0);
  });

  it('states the widget’s numbers in the text', () => {
    const b = lessonBindings('receptive-field');
    expect(b['erf.alpha68']).toBe(depthFit().side68.alpha);
    expect(b['erf.gridding.holes']).toBe(variantErf('gridding').stats.holes);
  });
});
