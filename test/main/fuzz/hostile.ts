/**
 * A seeded generator of hostile API requests: wrong types, huge strings and arrays, deep nesting,
 * `__proto__` / `constructor` keys, unicode edge cases (lone surrogates, NUL, bidi overrides, BOM), and
 * near-valid requests built from a channel's real field names with one field broken.
 */

export type Random = () => number;

/** mulberry32 */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const UNICODE_EDGES = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\ud83d\ude00',
  '\u202egnp.exe',
  '\u200b\u200d\u2060',
  '\ufeffname',
  'e\u0301\u0301\u0301',
  '\uffff\ufffe',
  'ｆｕｌｌ',
  '名前',
  '\r\n\t',
  '\u2028\u2029',
];
const NASTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE designs; --",
  '../../../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  '${7*7}',
  '{{7*7}}',
  'design-1',
  'x',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  3,
  1e308,
  -1e308,
  2 ** 53 + 1,
  -(2 ** 31),
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
];

function hugeString(random: Random): string {
  const unit = pick(random, ['a', '名', '\ud83d\ude00', '\ud800', '%']);
  return unit.repeat(1000 + Math.floor(random() * 20_000));
}

function deep(random: Random, depth: number): unknown {
  let value: unknown = pick(random, [1, 'leaf', null]);
  const asArray = random() < 0.5;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** An object with an own `__proto__` (as JSON.parse makes it) or a constructor.prototype trap. */
function protoTrap(random: Random, keys: readonly string[]): unknown {
  const key = keys.length > 0 ? pick(random, keys) : 'id';
  return pick(random, [
    () => JSON.parse(`{"__proto__": {"polluted": true}, "${key}": "x"}`) as unknown,
    () => JSON.parse(`{"${key}": {"__proto__": {"polluted": true}}}`) as unknown,
    () => ({ constructor: { prototype: { polluted: true } }, [key]: 'x' }),
    () => JSON.parse(`{"${key}": "x", "constructor": {"prototype": {"polluted": true}}}`) as unknown,
    () => ({ prototype: { polluted: true } }),
  ])();
}

/** Any hostile value, scalar or structure. */
export function hostileValue(random: Random, budget = 3): unknown {
  const r = random();
  if (r < 0.15) return pick(random, NUMBERS);
  if (r < 0.3) return pick(random, UNICODE_EDGES);
  if (r < 0.4) return pick(random, NASTY);
  if (r < 0.47) return hugeString(random);
  if (r < 0.52) return pick(random, [null, true, false, undefined]);
  // Up to 1,500 levels: deeper values cannot cross Electron's IPC (structured clone overflows near 2,000);
  // HTTP gets deeper raw JSON in its own test.
  if (r < 0.58) return deep(random, 10 + Math.floor(random() * 1490));
  if (r < 0.63) return Array.from({ length: 100 + Math.floor(random() * 5000) }, (_, i) => i);
  if (r < 0.67) return protoTrap(random, []);
  if (budget <= 0) return pick(random, ['x', 1, null]);
  if (r < 0.85)
    return Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(random, budget - 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--)
    out[pick(random, [...NASTY, ...UNICODE_EDGES, 'id', 'name', 'model'])] = hostileValue(random, budget - 1);
  return out;
}

/**
 * A request for a channel whose fields are `keys`: a plausible value for each field (from `plausible`),
 * then some of them broken, or an extra key, or the whole request replaced by a hostile value.
 */
export function hostileRequest(
  random: Random,
  keys: readonly string[],
  plausible: (key: string, random: Random) => unknown,
): unknown {
  const mode = random();
  if (mode < 0.15) return hostileValue(random);
  if (mode < 0.22) return protoTrap(random, keys);
  const request: Record<string, unknown> = {};
  for (const key of keys) if (random() < 0.8) request[key] = plausible(key, random);
  const breaks = mode < 0.3 ? 0 : 1 + Math.floor(random() * 2);
  for (let i = 0; i < breaks && keys.length > 0; i++) request[pick(random, keys)] = hostileValue(random);
  if (random() < 0.1) request[pick(random, [...NASTY, ...UNICODE_EDGES])] = hostileValue(random);
  return request;
}
