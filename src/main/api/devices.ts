import { deviceSettingsSchema, type DeviceSettings } from '../../shared/contracts/devices';
import { ok } from '../../shared/result';
import { DEFAULT_DEVICE_SETTINGS } from '../../core/hardware/devices';
import type { SettingsRepo } from '../db/settings';
import type { Handlers } from './types';

/** The settings key of the device list. */
export const DEVICES_KEY = 'devices';

const defaults = (): DeviceSettings => ({
  devices: DEFAULT_DEVICE_SETTINGS.devices.map((d) => ({ ...d, peak: { ...d.peak } })),
  selected: DEFAULT_DEVICE_SETTINGS.selected,
});

/** The saved device list, or the vendor presets when nothing (or nothing valid any more) is saved. */
export function readDevices(repo: SettingsRepo): DeviceSettings {
  const parsed = deviceSettingsSchema.safeParse(repo.get(DEVICES_KEY));
  return parsed.success ? parsed.data : defaults();
}

export const deviceHandlers: Pick<Handlers, 'devices:get' | 'devices:set'> = {
  'devices:get': (_request, { store }) => ok(readDevices(store.settings)),
  'devices:set': (request, { store }) => {
    store.settings.setMany({ [DEVICES_KEY]: request });
    return ok(readDevices(store.settings));
  },
};
