import type { ErfHull } from '../../../../core/erf';
import { mapPixels, viewBox } from './heatmap';

/**
 * Draws the map into `el`, the longer side of the view box `scale` CSS pixels: the image in the colour
 * map, the region outside it (padding the RF counts) grey, the theoretical RF box in blue, and the
 * squares holding 68 % (white) and 95 % (green) of the mass, dashed.
 */
export function drawErf(
  el: HTMLCanvasElement,
  info: {
    input: [number, number, number];
    map: Float64Array;
    hull: ErfHull;
    stats: { side68: number; side95: number };
  },
  scale: number,
): void {
  const [, h, w] = info.input;
  const hull = info.hull;
  const [top, left, bottom, right] = viewBox(h, w, hull);
  const k = scale / Math.max(bottom - top, right - left);
  const ratio = window.devicePixelRatio || 1;
  el.width = Math.round((right - left) * k * ratio);
  el.height = Math.round((bottom - top) * k * ratio);
  el.style.width = `${Math.round((right - left) * k)}px`;
  el.style.height = `${Math.round((bottom - top) * k)}px`;
  const g = el.getContext('2d');
  if (!g) return;
  g.setTransform(ratio * k, 0, 0, ratio * k, -left * k * ratio, -top * k * ratio);
  g.clearRect(left, top, right - left, bottom - top);
  g.fillStyle = 'rgba(128, 128, 128, 0.18)';
  g.fillRect(left, top, right - left, bottom - top);
  const img = document.createElement('canvas');
  img.width = w;
  img.height = h;
  img.getContext('2d')?.putImageData(new ImageData(mapPixels(info.map), w, h), 0, 0);
  g.imageSmoothingEnabled = false;
  g.drawImage(img, 0, 0);
  g.lineWidth = 2 / k;
  g.strokeStyle = '#2f9fde';
  g.strokeRect(hull.start[1], hull.start[0], hull.size[1], hull.size[0]);
  const cy = hull.start[0] + hull.size[0] / 2;
  const cx = hull.start[1] + hull.size[1] / 2;
  g.setLineDash([4 / k, 3 / k]);
  for (const [side, colour] of [
    [info.stats.side68, '#ffffff'],
    [info.stats.side95, '#9be39b'],
  ] as const) {
    g.strokeStyle = colour;
    g.strokeRect(cx - side / 2, cy - side / 2, side, side);
  }
  g.setLineDash([]);
}
