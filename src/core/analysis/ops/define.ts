/**
 * Building blocks of registry entries: attribute types and `defineOp`. Attribute types are zod
 * recipes (./zod-recipe): the layer schema is built from them only where layers are validated.
 */
import type { z as Zod } from 'zod';
import type { AttrSpec, FieldSpec, LayerBase, OperatorDef } from './types';
import { recipeAcceptsUndefined, z } from './zod-recipe';

export const posInt = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const nonNegInt = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const pair = (item: Zod.ZodNumber) => z.tuple([item, item]);
export const intOrPair = z.union([posInt, pair(posInt)]);
export const nonNegOrPair = z.union([nonNegInt, pair(nonNegInt)]);
export const padding = z.union([nonNegInt, pair(nonNegInt), z.literal('same'), z.literal('valid')]);
export const finite = z.number().finite();
export const shape = z.union([
  z.tuple([posInt]),
  z.tuple([posInt, posInt]),
  z.tuple([posInt, posInt, posInt]),
]);

export const baseFields = {
  id: z.string().min(1),
  inputs: z.array(z.string().min(1)).min(1).optional(),
  trainable: z.boolean().optional(),
};

/** An attribute: `zod` is optional (`.optional()`) when the attribute has a default. */
export const attr = <T extends Zod.ZodType>(zod: T, meta: Omit<AttrSpec<T>, 'zod'>): AttrSpec<T> => ({
  zod,
  ...meta,
});

type Attrs = Record<string, AttrSpec>;
type Shape<K extends string, A extends Attrs> = { op: Zod.ZodLiteral<K> } & typeof baseFields & {
    [P in keyof A]: A[P]['zod'];
  };
/** The layer type an op's attributes describe. */
export type LayerFrom<K extends string, A extends Attrs> = Zod.infer<Zod.ZodObject<Shape<K, A>>> &
  LayerBase & { op: K };

function fieldsOf(attrs: Attrs): FieldSpec[] {
  return Object.entries(attrs).map(([key, { zod, ...meta }]) => ({
    key,
    ...meta,
    required: !(recipeAcceptsUndefined(zod) ?? zod.safeParse(undefined).success),
    labelKey: `ops.fields.${key}`,
  }));
}

type Def<L extends LayerBase & { op: string }> = Omit<
  OperatorDef<L>,
  'fields' | 'attrs' | 'labelKey' | 'idPrefix' | 'inplace' | 'view' | 'arity' | 'accepts'
> &
  Partial<Pick<OperatorDef<L>, 'idPrefix' | 'inplace' | 'view' | 'arity' | 'accepts'>>;

/**
 * One registry entry from its attributes and behaviour. Defaults: one input of any rank, not in
 * place, not a view, ids prefixed with the op name.
 */
export function defineOp<K extends string, A extends Attrs>(
  op: K,
  attrs: A,
  def: Omit<Def<LayerFrom<K, A>>, 'op'>,
): OperatorDef<LayerFrom<K, A>> {
  return {
    op: op as LayerFrom<K, A>['op'],
    idPrefix: op,
    arity: 'one',
    accepts: 'any',
    inplace: false,
    view: false,
    ...def,
    fields: fieldsOf(attrs),
    attrs,
    labelKey: `ops.names.${op}`,
  };
}
