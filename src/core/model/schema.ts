import type { z } from 'zod';
import { z as zod } from 'zod';
import { OPERATORS } from '../analysis/ops';
import { shape } from '../analysis/ops/define';
import type { LayerOp } from './types';
import { MODEL_FORMAT, MODEL_VERSION } from './types';

/** One zod schema per op (the registry's), so that a bad layer gets messages about its own fields only. */
export const layerSchemas: Record<LayerOp, z.ZodType> = Object.fromEntries(
  OPERATORS.map((o) => [o.op, o.schema]),
) as Record<LayerOp, z.ZodType>;

/** The model envelope; layers are checked one by one with {@link layerSchemas}. */
export const modelEnvelopeSchema = zod.strictObject({
  format: zod.literal(MODEL_FORMAT),
  version: zod.literal(MODEL_VERSION),
  name: zod.string(),
  description: zod.string().optional(),
  input: shape,
  layers: zod.array(zod.unknown()),
});
