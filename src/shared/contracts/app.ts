import { z } from 'zod';
import type { AppStatus, Progress, Settings } from '../types';
import { channel, emptyRequest } from './common';

const settingsRequest = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  locale: z.enum(['system', 'en', 'zh-CN']).optional(),
});

export const appContract = {
  'app:status': channel<typeof emptyRequest, AppStatus>(emptyRequest),
  'progress:get': channel<typeof emptyRequest, Progress>(emptyRequest),
  'settings:get': channel<typeof emptyRequest, Settings>(emptyRequest),
  'settings:set': channel<typeof settingsRequest, Settings>(settingsRequest),
};
