import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel } from '../../../../src/core';
import { computeErf } from '../../../../src/core/erf';
import { colour, mapPixels, unitAt, viewBox } from '../../../../src/renderer/src/designs/erf/heatmap';

describe('ERF heat map', () => {
  it('picks the unit whose RF is centred on the clicked pixel, clamped to the layer', () => {
    const model = getZooModel('rf_three_conv3')!;
    const row = analyzeModel(model).layers.at(-1)!;
    const out: [number, number] = [row.outputShape[1] as number, row.outputShape[2] as number];
    const centre = computeErf(model).unit;
    const info = computeErf(model, { unit: [1, 2] });
    const c = [0, 1].map((i) => info.hull.start[i] + (info.hull.size[i] - 1) / 2) as [number, number];
    expect(unitAt(c, row.rf, out)).toEqual([1, 2]);
    expect(unitAt([-1000, 1000], row.rf, out)).toEqual([0, out[1] - 1]);
    expect(centre).toEqual([Math.floor((out[0] - 1) / 2), Math.floor((out[1] - 1) / 2)]);
  });

  it('frames the image and the RF box together', () => {
    expect(viewBox(224, 224, { size: [435, 435], start: [-121, -121] })).toEqual([-121, -121, 314, 314]);
    expect(viewBox(32, 32, { size: [5, 5], start: [10, 10] })).toEqual([0, 0, 32, 32]);
  });

  it('maps the maximum to the brightest colour and zero to the darkest', () => {
    const px = mapPixels(Float64Array.from([0, 0.5, 2]));
    expect(Array.from(px.slice(0, 3))).toEqual(colour(0).map(Math.round));
    expect(Array.from(px.slice(8, 11))).toEqual(colour(1).map(Math.round));
    expect(px[3]).toBe(255);
  });
});
