import { z } from 'zod';
import type { LabRun, LabRunSummary } from '../types';
import { channel, emptyRequest, id, idRequest, MAX_MODEL_BYTES, name } from './common';

const MAX_RESULT_BYTES = 8 * 1024 * 1024;
const jsonObject = (what: string, max: number) =>
  z
    .record(z.string(), z.unknown())
    .refine((v) => JSON.stringify(v).length <= max, `${what} is larger than ${max} bytes`);

const saveRequest = z.strictObject({
  name,
  config: jsonObject('config', MAX_MODEL_BYTES),
  result: jsonObject('result', MAX_RESULT_BYTES),
});

export const labRunsContract = {
  'labruns:list': channel<typeof emptyRequest, LabRunSummary[]>(emptyRequest),
  'labruns:get': channel<typeof idRequest, LabRun>(idRequest),
  'labruns:save': channel<typeof saveRequest, LabRun>(saveRequest),
  'labruns:delete': channel<typeof idRequest, { id: string }>(z.strictObject({ id })),
};
