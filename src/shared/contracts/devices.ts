import { z } from 'zod';
import { channel, emptyRequest, id, name } from './common';

/** The device classes the presets come in; a user's own device is `custom`. */
export const DEVICE_KINDS = [
  'datacenter-gpu',
  'consumer-gpu',
  'laptop-cpu',
  'edge-module',
  'phone-soc',
  'custom',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

const rate = (what: string, max: number) =>
  z
    .number()
    .finite(`${what} must be a finite number`)
    .positive(`${what} must be greater than 0`)
    .max(max, `${what} is larger than ${max}`);

/**
 * A device for the roofline estimate: peak arithmetic rate per data type, memory bandwidth and an
 * optional fixed cost per layer (kernel launch). Units: FLOP/s (int8: operations/s), bytes/s, seconds.
 */
export const deviceSchema = z.strictObject({
  id,
  name,
  kind: z.enum(DEVICE_KINDS),
  peak: z.strictObject({
    fp32: rate('peak.fp32', 1e18),
    fp16: rate('peak.fp16', 1e18),
    int8: rate('peak.int8', 1e18),
  }),
  bandwidth: rate('bandwidth', 1e15),
  launchOverhead: z
    .number()
    .finite('launchOverhead must be a finite number')
    .min(0, 'launchOverhead must be 0 or more')
    .max(1, 'launchOverhead is longer than 1 s'),
});

export type DeviceModel = z.infer<typeof deviceSchema>;

export const MAX_DEVICES = 50;

/** The user's device list (edited presets and their own) and the one the charts use. */
export const deviceSettingsSchema = z
  .strictObject({
    devices: z
      .array(deviceSchema)
      .min(1, 'devices is empty')
      .max(MAX_DEVICES, `more than ${MAX_DEVICES} devices`),
    selected: id,
  })
  .refine((s) => new Set(s.devices.map((d) => d.id)).size === s.devices.length, {
    message: 'two devices have the same id',
    path: ['devices'],
  })
  .refine((s) => s.devices.some((d) => d.id === s.selected), {
    message: 'selected is not one of the devices',
    path: ['selected'],
  });

export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

export const devicesContract = {
  'devices:get': channel<typeof emptyRequest, DeviceSettings>(emptyRequest),
  'devices:set': channel<typeof deviceSettingsSchema, DeviceSettings>(deviceSettingsSchema),
};
