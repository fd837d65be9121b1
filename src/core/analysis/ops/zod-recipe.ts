/**
 * The registry's attribute types as recipes. `z.number().int().min(1)` written against this `z`
 * records its calls instead of building a zod schema, so loading the registry (every analysis, every
 * start of the CLI) neither loads zod nor builds ~100 schemas; {@link buildZod} replays the calls with
 * the real zod where layers are validated (src/core/model/schema.ts), once per recipe. It is typed as
 * the part of zod it offers, so registry entries read, infer and type-check as zod itself.
 */
import type { z as Zod } from 'zod';

/** One recorded call: `z.<name>(...args)` for the first step, `.<name>(...args)` for the others. */
interface Step {
  name: string;
  args: readonly unknown[];
}

/** A zod schema not built yet: the calls that build it. */
class Recipe {
  constructor(readonly steps: readonly Step[]) {}
  private then(name: string, args: unknown[]): Recipe {
    return new Recipe([...this.steps, { name, args }]);
  }
  int = (...a: unknown[]) => this.then('int', a);
  min = (...a: unknown[]) => this.then('min', a);
  max = (...a: unknown[]) => this.then('max', a);
  positive = (...a: unknown[]) => this.then('positive', a);
  finite = (...a: unknown[]) => this.then('finite', a);
  optional = (...a: unknown[]) => this.then('optional', a);
}

const start =
  (name: string) =>
  (...args: unknown[]) =>
    new Recipe([{ name, args }]);

/** The zod builders the registry uses, as recipes. */
export const z = {
  number: start('number'),
  string: start('string'),
  boolean: start('boolean'),
  literal: start('literal'),
  enum: start('enum'),
  union: start('union'),
  tuple: start('tuple'),
  array: start('array'),
} as unknown as Pick<
  typeof Zod,
  'number' | 'string' | 'boolean' | 'literal' | 'enum' | 'union' | 'tuple' | 'array'
>;

/** Whether `undefined` passes the recipe's schema: it ends optional (the only way the registry says so). */
export function recipeAcceptsUndefined(schema: unknown): boolean | undefined {
  return schema instanceof Recipe ? schema.steps.some((s) => s.name === 'optional') : undefined;
}

const built = new WeakMap<Recipe, Zod.ZodType>();

/**
 * The zod schema of a recipe, built with `zod` (and kept: a recipe shared by many attributes, such as
 * `posInt`, becomes one schema). Anything else (an array, a literal, a real zod schema) passes through,
 * arrays element by element.
 */
export function buildZod(value: unknown, zod: typeof Zod): unknown {
  if (Array.isArray(value)) return value.map((v) => buildZod(v, zod));
  if (!(value instanceof Recipe)) return value;
  const cached = built.get(value);
  if (cached) return cached;
  const [first, ...rest] = value.steps;
  const call = (target: object, step: Step) =>
    (target as Record<string, (...a: unknown[]) => object>)[step.name](
      ...step.args.map((a) => buildZod(a, zod)),
    );
  let schema = call(zod, first);
  for (const step of rest) schema = call(schema, step);
  built.set(value, schema as Zod.ZodType);
  return schema;
}
