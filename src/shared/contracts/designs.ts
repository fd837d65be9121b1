import { z } from 'zod';
import type { Design, DesignSummary, DesignVersion, Draft, ModelJson } from '../types';
import { channel, id, idRequest, MAX_MODEL_BYTES, MAX_NAME, model, name } from './common';

const tag = z
  .string()
  .trim()
  .min(1, 'tag is empty')
  .max(40, 'tag is longer than 40 characters')
  .refine((s) => !/[,\p{Cc}]/u.test(s), 'tag contains a comma or a control character');
const tags = z
  .array(tag)
  .max(20, 'at most 20 tags')
  .transform((list) => [...new Set(list)]);
const versionId = z.number().int('versionId must be a whole number').positive('versionId must be positive');

const listRequest = z.strictObject({
  search: z.string().max(MAX_NAME).optional(),
  sort: z.enum(['updated', 'name', 'macs', 'params']).optional(),
  tag: tag.optional(),
});
const saveRequest = z.strictObject({ id: id.optional(), name, model, tags: tags.optional() });
const renameRequest = z.strictObject({ id, name });
const duplicateRequest = z.strictObject({ id, name: name.optional() });
const tagRequest = z.strictObject({ id, tags });
const versionRequest = z.strictObject({ id, versionId });
const emptyRequest = z.strictObject({});

const draftKey = z.string().min(1, 'key is empty').max(64, 'key is longer than 64 characters');
const draftSave = z.strictObject({
  key: draftKey,
  name: z.string().max(MAX_NAME, `name is longer than ${MAX_NAME} characters`),
  content: z.string().max(MAX_MODEL_BYTES, `content is larger than ${MAX_MODEL_BYTES} characters`),
});
const draftKeyRequest = z.strictObject({ key: draftKey });

export const designsContract = {
  'designs:list': channel<typeof listRequest, DesignSummary[]>(listRequest),
  'designs:get': channel<typeof idRequest, Design>(idRequest),
  /** Saves a valid model (refused with `invalid_model`, naming the layer, otherwise); each save is a version. */
  'designs:save': channel<typeof saveRequest, Design>(saveRequest),
  'designs:rename': channel<typeof renameRequest, DesignSummary>(renameRequest),
  'designs:duplicate': channel<typeof duplicateRequest, Design>(duplicateRequest),
  'designs:tag': channel<typeof tagRequest, DesignSummary>(tagRequest),
  'designs:tags': channel<typeof emptyRequest, string[]>(emptyRequest),
  'designs:delete': channel<typeof idRequest, { id: string }>(idRequest),
  'designs:versions': channel<typeof idRequest, DesignVersion[]>(idRequest),
  'designs:version': channel<typeof versionRequest, DesignVersion & { model: ModelJson }>(versionRequest),
  /** Makes an older version current again, as a new save (history is never rewritten). */
  'designs:restore': channel<typeof versionRequest, Design>(versionRequest),
  'drafts:get': channel<typeof draftKeyRequest, Draft | null>(draftKeyRequest),
  'drafts:list': channel<typeof emptyRequest, Draft[]>(emptyRequest),
  'drafts:save': channel<typeof draftSave, Draft>(draftSave),
  'drafts:discard': channel<typeof draftKeyRequest, { key: string }>(draftKeyRequest),
};
