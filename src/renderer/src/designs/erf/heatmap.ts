import type { ErfHull } from '../../../../core/erf';

/** A sequential colour map (dark → bright, "inferno"-like), t ∈ [0, 1] → [r, g, b]. */
const STOPS: [number, number, number][] = [
  [0, 0, 4],
  [66, 10, 104],
  [147, 38, 103],
  [221, 81, 58],
  [252, 165, 10],
  [252, 255, 164],
];

export function colour(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/**
 * The drawn region in input coordinates: the union of the image [0, H) × [0, W) and the hull (which
 * extends past the image where the RF counts padding), as [top, left, bottom, right) .
 */
export function viewBox(h: number, w: number, hull: ErfHull): [number, number, number, number] {
  return [
    Math.min(0, hull.start[0]),
    Math.min(0, hull.start[1]),
    Math.max(h, hull.start[0] + hull.size[0]),
    Math.max(w, hull.start[1] + hull.size[1]),
  ];
}

/** RGBA pixels of the map, brightness ∝ ERF / max ERF. */
export function mapPixels(map: Float64Array): Uint8ClampedArray<ArrayBuffer> {
  let max = 0;
  for (const v of map) if (v > max) max = v;
  const px = new Uint8ClampedArray(map.length * 4);
  for (let i = 0; i < map.length; i++) {
    const [r, g, b] = colour(max > 0 ? map[i] / max : 0);
    px[4 * i] = r;
    px[4 * i + 1] = g;
    px[4 * i + 2] = b;
    px[4 * i + 3] = 255;
  }
  return px;
}

/**
 * The unit of the layer whose RF is centred nearest to input pixel (row, col):
 * u = round((p − start₀ − (size − 1)/2) / jump), clamped to the layer's output.
 */
export function unitAt(
  p: [number, number],
  rf: { start: [number, number]; size: [number, number]; jump: [number, number] },
  out: [number, number],
): [number, number] {
  const u = [0, 1].map((i) => {
    const v = Math.round((p[i] - rf.start[i] - (rf.size[i] - 1) / 2) / rf.jump[i]);
    return Math.min(out[i] - 1, Math.max(0, v));
  });
  return [u[0], u[1]];
}
