import { z } from 'zod';
import type { LabRun, LabRunSummary } from '../types';
import { channel, emptyRequest, id, idRequest, MAX_MODEL_BYTES, name } from './common';
import { savedLabConfigSchema, savedLabResultSchema } from './lab-run-schema';

const MAX_RESULT_BYTES = 8 * 1024 * 1024;
const jsonObject = (what: string, max: number) =>
  z
    .record(z.string(), z.unknown())
    .refine((v) => JSON.stringify(v).length <= max, `${what} is larger than ${max} bytes`);

/** The size limits first (cheap, clear), then the saved run's shape. */
const saveRequest = z
  .strictObject({
    name,
    config: jsonObject('config', MAX_MODEL_BYTES).pipe(savedLabConfigSchema),
    result: jsonObject('result', MAX_RESULT_BYTES).pipe(savedLabResultSchema),
  })
  // Runs only on what parsed; a half that failed already has its own issue.
  .refine(
    (r) =>
      (r.config.lab as { kind?: string } | undefined)?.kind ===
      (r.result.result as { kind?: string } | undefined)?.kind,
    {
      message: 'the config and the result are of different kinds of run',
      path: ['result', 'result', 'kind'],
    },
  );

export const labRunsContract = {
  'labruns:list': channel<typeof emptyRequest, LabRunSummary[]>(emptyRequest),
  'labruns:get': channel<typeof idRequest, LabRun>(idRequest),
  'labruns:save': channel<typeof saveRequest, LabRun>(saveRequest),
  'labruns:delete': channel<typeof idRequest, { id: string }>(z.strictObject({ id })),
};
