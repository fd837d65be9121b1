import { z } from 'zod';
import type { Design, DesignSummary } from '../types';
import { channel, id, idRequest, MAX_NAME, model, name } from './common';

const listRequest = z.strictObject({ search: z.string().max(MAX_NAME).optional() });
const saveRequest = z.strictObject({ id: id.optional(), name, model });
const renameRequest = z.strictObject({ id, name });

export const designsContract = {
  'designs:list': channel<typeof listRequest, DesignSummary[]>(listRequest),
  'designs:get': channel<typeof idRequest, Design>(idRequest),
  'designs:save': channel<typeof saveRequest, Design>(saveRequest),
  'designs:rename': channel<typeof renameRequest, DesignSummary>(renameRequest),
  'designs:delete': channel<typeof idRequest, { id: string }>(idRequest),
};
