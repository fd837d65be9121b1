import { type FormulaTrace, trace } from '../formulas/latex';

/** The theoretical receptive field of the chosen unit on the input plane: rows/columns [start, start + size − 1]. */
export interface ErfHull {
  size: [number, number];
  start: [number, number];
}

export interface ErfStats {
  /** Side of the smallest square centred on the hull centre that holds ≥ 68 % of the ERF mass. */
  side68: number;
  /** The same for 95 %. */
  side95: number;
  /** Fraction of the hull's pixels (inside the input plane) where ERF ≥ 1 % of its maximum. */
  fractionAbove1pct: number;
  /** Pixels inside the hull (and the input plane) whose gradient is exactly zero. */
  holes: number;
}

/**
 * The rows of the centred square of side s around centre c (c may be a half-integer):
 * [⌊c − (s − 1)/2⌋, ⌊c − (s − 1)/2⌋ + s − 1]. Each s adds one row, so the squares are nested.
 */
function squareStart(c: number, s: number): number {
  return Math.floor(c - (s - 1) / 2);
}

/** Mass of the square of side s (the map is 0 outside the input plane). */
function squareMass(map: Float64Array, h: number, w: number, ch: number, cw: number, s: number): number {
  const r0 = Math.max(0, squareStart(ch, s));
  const r1 = Math.min(h - 1, squareStart(ch, s) + s - 1);
  const c0 = Math.max(0, squareStart(cw, s));
  const c1 = Math.min(w - 1, squareStart(cw, s) + s - 1);
  let m = 0;
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) m += map[r * w + c];
  return m;
}

/** Smallest side s whose centred square holds at least `q` of the mass (a map summing to 1). */
function sideFor(map: Float64Array, h: number, w: number, ch: number, cw: number, q: number): number {
  const maxSide = 2 * Math.max(h, w) + 2;
  // A relative 1e-9 keeps rounding in the running sums from adding a ring.
  for (let s = 1; s <= maxSide; s++) if (squareMass(map, h, w, ch, cw, s) >= q - 1e-9) return s;
  return maxSide;
}

/**
 * Statistics of a normalised ERF map (H × W, Σ = 1) against the theoretical hull:
 * - side_q = min { s : Σ_{square(s)} ERF ≥ q }, squares centred on the hull centre c = start + (size − 1)/2
 * - fractionAbove1pct = |{p ∈ hull ∩ plane : ERF(p) ≥ 0.01·max ERF}| / |hull ∩ plane|
 * - holes = |{p ∈ hull ∩ plane : ERF(p) = 0}|
 */
export function erfStats(map: Float64Array, h: number, w: number, hull: ErfHull): ErfStats {
  const ch = hull.start[0] + (hull.size[0] - 1) / 2;
  const cw = hull.start[1] + (hull.size[1] - 1) / 2;
  let max = 0;
  for (let i = 0; i < map.length; i++) if (map[i] > max) max = map[i];
  const r0 = Math.max(0, hull.start[0]);
  const r1 = Math.min(h - 1, hull.start[0] + hull.size[0] - 1);
  const c0 = Math.max(0, hull.start[1]);
  const c1 = Math.min(w - 1, hull.start[1] + hull.size[1] - 1);
  let inside = 0;
  let above = 0;
  let holes = 0;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const v = map[r * w + c];
      inside++;
      if (v >= 0.01 * max) above++;
      if (v === 0) holes++;
    }
  }
  return {
    side68: sideFor(map, h, w, ch, cw, 0.68),
    side95: sideFor(map, h, w, ch, cw, 0.95),
    fractionAbove1pct: inside === 0 ? 0 : above / inside,
    holes,
  };
}

/** Mean ERF at each whole-pixel distance ⌊‖p − c‖ + ½⌋ from the hull centre c (index = distance). */
export function radialProfile(map: Float64Array, h: number, w: number, hull: ErfHull): number[] {
  const ch = hull.start[0] + (hull.size[0] - 1) / 2;
  const cw = hull.start[1] + (hull.size[1] - 1) / 2;
  const sums: number[] = [];
  const counts: number[] = [];
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const d = Math.floor(Math.hypot(r - ch, c - cw) + 0.5);
      sums[d] = (sums[d] ?? 0) + map[r * w + c];
      counts[d] = (counts[d] ?? 0) + 1;
    }
  }
  return sums.map((s, d) => (counts[d] ? s / counts[d] : 0));
}

/** The statistics with their definitions and this map's numbers. */
export function erfStatsFormulas(s: ErfStats, hull: ErfHull): FormulaTrace[] {
  const hullText = `${hull.size[0]} \\times ${hull.size[1]}`;
  return [
    trace(
      'erf.side68',
      's_{68} = \\min\\{s : \\sum_{\\square_s} \\mathrm{ERF} \\ge 0.68\\}',
      `s_{68} = ${s.side68}`,
      s.side68,
    ),
    trace(
      'erf.side95',
      's_{95} = \\min\\{s : \\sum_{\\square_s} \\mathrm{ERF} \\ge 0.95\\}',
      `s_{95} = ${s.side95}`,
      s.side95,
    ),
    trace(
      'erf.fractionAbove1pct',
      'f = |\\{p \\in \\mathrm{RF} : \\mathrm{ERF}(p) \\ge 0.01 \\max \\mathrm{ERF}\\}| / |\\mathrm{RF}|',
      `f = ${s.fractionAbove1pct.toFixed(4)} \\text{ of the } ${hullText} \\text{ RF}`,
      s.fractionAbove1pct,
    ),
    trace(
      'erf.holes',
      'n_0 = |\\{p \\in \\mathrm{RF} : \\mathrm{ERF}(p) = 0\\}|',
      `n_0 = ${s.holes}`,
      s.holes,
    ),
  ];
}
