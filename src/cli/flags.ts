import { UsageError } from './io';

/**
 * Command-line flags of the commands that take `--name value` (or `--name=value`) and switches:
 * unknown, repeated or empty flags are usage errors that name the flag.
 */
export interface ParsedFlags {
  values: Map<string, string>;
  bools: Set<string>;
}

export function parseFlags(
  args: string[],
  valueFlags: ReadonlySet<string>,
  boolFlags: ReadonlySet<string>,
  help = 'convscope help',
): ParsedFlags {
  const values = new Map<string, string>();
  const bools = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (boolFlags.has(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      bools.add(name);
    } else if (valueFlags.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (values.has(name)) throw new UsageError(`${name} given twice`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown argument "${arg}" (see ${help})`);
    }
  }
  return { values, bools };
}

/** An integer flag in [lo, hi]; `fallback` null makes it required. */
export function intFlag(
  values: Map<string, string>,
  flag: string,
  fallback: number | null,
  lo: number,
  hi: number,
): number {
  const text = values.get(flag);
  if (text === undefined) {
    if (fallback === null) throw new UsageError(`${flag} is required`);
    return fallback;
  }
  const v = Number(text);
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new UsageError(`${flag} must be an integer from ${lo} to ${hi}, got "${text}"`);
  return v;
}
