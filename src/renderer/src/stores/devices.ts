import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { DEFAULT_DEVICE_SETTINGS, devicePreset, type DeviceModel } from '../../../core/hardware';
import type { DeviceSettings } from '../../../shared/contracts/devices';

const copy = (d: DeviceModel): DeviceModel => ({ ...d, peak: { ...d.peak } });

/**
 * The roofline devices (vendor presets as the user edited them, and their own), persisted through
 * `devices:get/set`. A change shows at once and is rolled back if the backend refuses it.
 */
export const useDevicesStore = defineStore('devices', () => {
  const devices = ref<DeviceModel[]>(DEFAULT_DEVICE_SETTINGS.devices.map(copy));
  const selected = ref<string>(DEFAULT_DEVICE_SETTINGS.selected);
  const loaded = ref(false);
  const saveError = ref<string | null>(null);

  const device = computed(() => devices.value.find((d) => d.id === selected.value) ?? devices.value[0]);

  function apply(s: DeviceSettings) {
    devices.value = s.devices.map(copy);
    selected.value = s.selected;
  }

  async function load(): Promise<boolean> {
    const result = await api.devices.get({});
    loaded.value = true;
    if (result.ok) apply(result.value);
    return result.ok;
  }

  async function save(next: DeviceSettings): Promise<boolean> {
    const before: DeviceSettings = { devices: devices.value.map(copy), selected: selected.value };
    apply(next);
    const result = await api.devices.set(next);
    if (!result.ok) {
      apply(before);
      saveError.value = result.error.message;
      return false;
    }
    saveError.value = null;
    apply(result.value);
    return true;
  }

  const select = (id: string) => save({ devices: devices.value, selected: id });

  /** Replaces the selected device's figures (a partial patch of peak, bandwidth, overhead, name). */
  function edit(
    patch: Partial<Omit<DeviceModel, 'id' | 'kind' | 'peak'>> & { peak?: Partial<DeviceModel['peak']> },
  ) {
    const d = device.value;
    const next = { ...copy(d), ...patch, peak: { ...d.peak, ...patch.peak } };
    return save({ devices: devices.value.map((x) => (x.id === d.id ? next : x)), selected: selected.value });
  }

  /** The selected preset back to its specification-sheet figures (a device of one's own has none). */
  function resetSelected() {
    const preset = devicePreset(selected.value);
    if (!preset) return Promise.resolve(false);
    return save({
      devices: devices.value.map((x) => (x.id === preset.id ? copy(preset) : x)),
      selected: selected.value,
    });
  }

  /** A new device of one's own, starting from the selected one's figures. */
  function addFrom(name: string) {
    let n = 1;
    while (devices.value.some((d) => d.id === `custom-${n}`)) n++;
    const d: DeviceModel = { ...copy(device.value), id: `custom-${n}`, name, kind: 'custom' };
    return save({ devices: [...devices.value, d], selected: d.id });
  }

  /** Removes a device of one's own (presets stay: reset them instead). */
  function removeSelected() {
    if (device.value.kind !== 'custom' || devices.value.length === 1) return Promise.resolve(false);
    const rest = devices.value.filter((d) => d.id !== selected.value);
    return save({ devices: rest, selected: rest[0].id });
  }

  const isEdited = computed(() => {
    const p = devicePreset(device.value.id);
    return p !== undefined && JSON.stringify(p) !== JSON.stringify(device.value);
  });

  return {
    devices,
    selected,
    device,
    loaded,
    saveError,
    isEdited,
    load,
    select,
    edit,
    resetSelected,
    addFrom,
    removeSelected,
  };
});
