import { COUNTING_CONVENTIONS } from '../conventions';
import { z } from 'zod';
import type { AppStatus, Progress, Settings } from '../types';
import { channel, emptyRequest } from './common';

const settingsRequest = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  locale: z.enum(['system', 'en', 'zh-CN']).optional(),
  convention: z.enum(COUNTING_CONVENTIONS).optional(),
});

const progressRequest = z.strictObject({
  /** Minutes to add to local time to get UTC, as Date.prototype.getTimezoneOffset(); days are local days. */
  timezoneOffset: z
    .number()
    .int()
    .min(-16 * 60)
    .max(16 * 60)
    .optional(),
});

export const appContract = {
  'app:status': channel<typeof emptyRequest, AppStatus>(emptyRequest),
  'progress:get': channel<typeof progressRequest, Progress>(progressRequest),
  'settings:get': channel<typeof emptyRequest, Settings>(emptyRequest),
  'settings:set': channel<typeof settingsRequest, Settings>(settingsRequest),
};
