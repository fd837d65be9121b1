import { z } from 'zod';
import type { DataDocument, ImportProgress, ImportReport } from '../types';
import { channel, emptyRequest } from './common';

/**
 * The document itself is checked in the main process against the live database schema (tables, columns,
 * constraints), so here it only has to be an object; its size is bounded by the transport.
 */
const importRequest = z.strictObject({
  document: z.record(z.string(), z.unknown()),
  mode: z.enum(['merge', 'replace']),
  dryRun: z.boolean().optional(),
  /** Import the usable rows and list the refused ones, instead of refusing the whole file. */
  partial: z.boolean().optional(),
});

export const dataContract = {
  'data:export': channel<typeof emptyRequest, DataDocument>(emptyRequest),
  'data:import': channel<typeof importRequest, ImportReport>(importRequest),
  /** How far the running import is; null when none runs. */
  'data:progress': channel<typeof emptyRequest, ImportProgress | null>(emptyRequest),
};
