import { describe, expect, it } from 'vitest';
import {
  demoLineOption,
  initVarianceOption,
} from '../../../../src/renderer/src/lessons/widgets/chart-options';
import type { DemoResult } from '../../../../src/renderer/src/lessons/widgets/gradient-demos';

type Tooltip = { tooltip: { valueFormatter: (v: number | null) => string } };

/** The lesson charts plot log10 values; their tooltips write the power of ten with a raised exponent. */
describe('lesson chart tooltips', () => {
  it('write a log10 value as a power of ten, not "10^-3.45"', () => {
    const result = { id: 'demo', axis: 'layer', x: [1, 2], series: [] } as unknown as DemoResult;
    const demo = demoLineOption(result, [], 'layer', 'gradient') as unknown as Tooltip;
    expect(demo.tooltip.valueFormatter(-3.4512)).toBe('10⁻³·⁴⁵');
    expect(demo.tooltip.valueFormatter(null)).toBe('—');
    const init = initVarianceOption([], [], { layer: 'layer', value: 'variance' }) as unknown as Tooltip;
    expect(init.tooltip.valueFormatter(2.04)).toBe('10²·⁰');
  });
});
