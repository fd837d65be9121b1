import type { Shape } from '../../core';
import { type ErfInfo, type ErfMode, computeErf } from '../../core/erf';
import { jsonText } from '../../core/report';
import { terminalSafe } from '../../core/report/text';
import { type Command, UsageError } from '../io';
import { loadModel } from '../model-input';
import { parseShapeArg } from './analyze';

interface ErfArgs {
  model: string;
  layer?: string;
  input?: Shape;
  mode: ErfMode;
  seeds?: number;
  json: boolean;
}

const OPTIONS = '--layer, --input, --mode, --seeds, --json';

export function parseErfArgs(args: string[]): ErfArgs {
  const out: ErfArgs = { model: '', mode: 'uniform', json: false };
  const positional: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (seen.has(flag)) throw new UsageError(`${flag} given twice`);
      seen.add(flag);
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--layer':
        out.layer = value();
        break;
      case '--input':
        out.input = parseShapeArg(value());
        if (out.input.length !== 3) throw new UsageError('--input must be CxHxW for an ERF');
        break;
      case '--mode': {
        const v = value();
        if (v !== 'uniform' && v !== 'random')
          throw new UsageError(`--mode must be uniform or random, got "${v}"`);
        out.mode = v;
        break;
      }
      case '--seeds': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 1000)
          throw new UsageError(`--seeds must be an integer from 1 to 1000, got "${v}"`);
        out.seeds = n;
        break;
      }
      case '--json':
        if (eq > 0) throw new UsageError('--json takes no value');
        out.json = true;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${flag} (options: ${OPTIONS})`);
        positional.push(a);
    }
  }
  if (positional.length === 0)
    throw new UsageError('missing model: give a model.json file or zoo:NAME (see convscope zoo)');
  if (positional.length > 1)
    throw new UsageError(`expected one model, got ${positional.length}: ${positional.join(' ')}`);
  if (out.seeds !== undefined && out.mode !== 'random')
    throw new UsageError('--seeds applies to --mode random only (uniform mode draws nothing)');
  if (/\.onnx$/i.test(positional[0]))
    throw new UsageError('the ERF needs a model.json or zoo:NAME; ONNX files are read for analysis only');
  out.model = positional[0];
  return out;
}

/** The documented `--json` document: the map as rows of the input plane. */
export function erfJson(e: ErfInfo) {
  const [, h, w] = e.input;
  const map: number[][] = [];
  for (let r = 0; r < h; r++) map.push(Array.from(e.map.subarray(r * w, (r + 1) * w)));
  return { layer: e.layer, input: e.input, mode: e.mode, seeds: e.seeds, map, hull: e.hull, stats: e.stats };
}

/** 2-space JSON with each map row on one line (a 224 × 224 map stays 224 lines). */
function erfJsonText(e: ErfInfo): string {
  const doc = erfJson(e);
  const rows = doc.map.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return jsonText({ ...doc, map: '\u0000map' }).replace('"\\u0000map"', `[\n${rows}\n  ]`);
}

const SHADES = ' .:-=+*#%@';

/** A coarse picture of the map (at most 48 columns), darker = more gradient. */
function thumbnail(e: ErfInfo): string {
  const [, h, w] = e.input;
  const step = Math.max(1, Math.ceil(w / 48));
  let max = 0;
  const cells: number[][] = [];
  for (let r = 0; r < h; r += step) {
    const row: number[] = [];
    for (let c = 0; c < w; c += step) {
      let s = 0;
      for (let y = r; y < Math.min(h, r + step); y++)
        for (let x = c; x < Math.min(w, c + step); x++) s += e.map[y * w + x];
      row.push(s);
      max = Math.max(max, s);
    }
    cells.push(row);
  }
  return cells
    .map((row) => row.map((v) => SHADES[max > 0 ? Math.min(9, Math.floor((v / max) * 9.999)) : 0]).join(''))
    .join('\n');
}

function text(e: ErfInfo, model: string): string {
  const s = e.stats;
  return [
    `ERF of ${terminalSafe(model)} · layer ${terminalSafe(e.layer)} (${e.layerShape.join('x')}), unit [${e.unit.join(', ')}]`,
    `input ${e.input.join('x')} · mode ${e.mode}${e.mode === 'random' ? ` · ${e.seeds} seeds (0…${e.seeds - 1})` : ''}`,
    `theoretical RF  ${e.hull.size[0]}×${e.hull.size[1]} from [${e.hull.start.join(', ')}]`,
    `side 68 %       ${s.side68}`,
    `side 95 %       ${s.side95}`,
    `≥ 1 % of max    ${(100 * s.fractionAbove1pct).toFixed(1)} % of the RF`,
    `holes           ${s.holes}`,
    '',
    thumbnail(e),
  ].join('\n');
}

/** `convscope erf`: the effective receptive field of a layer's centre unit. */
export const erf: Command = async (args, io) => {
  const a = parseErfArgs(args);
  const model = await loadModel(a.model, io, a.input);
  const info = computeErf(model, { layer: a.layer, mode: a.mode, seeds: a.seeds });
  io.out(a.json ? erfJsonText(info) : text(info, a.model));
  return 0;
};
