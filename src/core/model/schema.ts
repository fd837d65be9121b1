import { z } from 'zod';
import { OPERATORS } from '../analysis/ops';
import { baseFields, shape } from '../analysis/ops/define';
import type { OperatorDef } from '../analysis/ops/types';
import { buildZod } from '../analysis/ops/zod-recipe';
import type { Shape } from './shape';
import type { LayerOp } from './types';
import { MODEL_FORMAT, MODEL_VERSION } from './types';

/**
 * The strict zod schema of one op's layers (id, op, inputs, trainable and the op's attributes; unknown
 * fields are refused), built from the registry's attribute recipes.
 */
function layerSchema(o: OperatorDef): z.ZodType {
  const fields: Record<string, z.ZodType> = { op: z.literal(o.op) };
  for (const [k, v] of Object.entries(baseFields)) fields[k] = buildZod(v, z) as z.ZodType;
  for (const [k, a] of Object.entries(o.attrs)) fields[k] = buildZod(a.zod, z) as z.ZodType;
  return z.strictObject(fields);
}

/**
 * One zod schema per op (the registry's), so that a bad layer gets messages about its own fields
 * only. Each is built on first use: loading the core (an analysis, the CLI's start) builds none.
 */
export const layerSchemas = /* @__PURE__ */ lazySchemas();

function lazySchemas(): Record<LayerOp, z.ZodType> {
  const schemas = {} as Record<LayerOp, z.ZodType>;
  for (const o of OPERATORS) {
    let schema: z.ZodType | undefined;
    Object.defineProperty(schemas, o.op, { enumerable: true, get: () => (schema ??= layerSchema(o)) });
  }
  return schemas;
}

const envelopeSchema = () =>
  z.strictObject({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    name: z.string(),
    description: z.string().optional(),
    input: buildZod(shape, z) as z.ZodType<Shape>,
    layers: z.array(z.unknown()),
  });
let envelope: ReturnType<typeof envelopeSchema> | undefined;

/** The model envelope; layers are checked one by one with {@link layerSchemas}. Built on first use. */
export function modelEnvelopeSchema(): ReturnType<typeof envelopeSchema> {
  return (envelope ??= envelopeSchema());
}
