/**
 * Device presets for the roofline estimate, each taken from its vendor's specification sheet. The
 * sheet, the figures taken and how a figure was derived when the sheet does not print it are in
 * docs/devices.md (one section per preset, same id). Peaks are dense (no structured sparsity): the
 * rate an ordinary layer can reach at best.
 */
import type { DeviceModel } from '../../shared/contracts/devices';

export type { DeviceKind, DeviceModel, DeviceSettings } from '../../shared/contracts/devices';

const T = 1e12;
const G = 1e9;
/** A GPU kernel launch costs a few microseconds; vendor sheets do not state it (docs/devices.md). */
const GPU_LAUNCH = 5e-6;

export const DEVICE_PRESETS: readonly DeviceModel[] = Object.freeze([
  {
    id: 'a100-sxm',
    name: 'NVIDIA A100 SXM 80GB',
    kind: 'datacenter-gpu',
    peak: { fp32: 19.5 * T, fp16: 312 * T, int8: 624 * T },
    bandwidth: 2039 * G,
    launchOverhead: GPU_LAUNCH,
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM',
    kind: 'datacenter-gpu',
    peak: { fp32: 67 * T, fp16: 989.5 * T, int8: 1979 * T },
    bandwidth: 3350 * G,
    launchOverhead: GPU_LAUNCH,
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    kind: 'consumer-gpu',
    peak: { fp32: 82.6 * T, fp16: 165.2 * T, int8: 660.6 * T },
    bandwidth: 1008 * G,
    launchOverhead: GPU_LAUNCH,
  },
  {
    id: 'rtx-3060',
    name: 'NVIDIA GeForce RTX 3060 12GB',
    kind: 'consumer-gpu',
    peak: { fp32: 12.74 * T, fp16: 25.5 * T, int8: 101.9 * T },
    bandwidth: 360 * G,
    launchOverhead: GPU_LAUNCH,
  },
  {
    id: 'laptop-cpu',
    name: 'Laptop CPU (Intel Core i7-1360P class)',
    kind: 'laptop-cpu',
    peak: { fp32: 1.11 * T, fp16: 1.11 * T, int8: 4.45 * T },
    bandwidth: 83.2 * G,
    launchOverhead: 0,
  },
  {
    id: 'orin-nano',
    name: 'NVIDIA Jetson Orin Nano 8GB',
    kind: 'edge-module',
    peak: { fp32: 1.28 * T, fp16: 10 * T, int8: 20 * T },
    bandwidth: 68 * G,
    launchOverhead: GPU_LAUNCH,
  },
  {
    id: 'phone-soc',
    name: 'Phone SoC (Apple A17 Pro class)',
    kind: 'phone-soc',
    peak: { fp32: 2.15 * T, fp16: 17.5 * T, int8: 35 * T },
    bandwidth: 51.2 * G,
    launchOverhead: 0,
  },
] satisfies DeviceModel[]);

export const DEFAULT_DEVICE_SETTINGS = Object.freeze({
  devices: DEVICE_PRESETS,
  selected: DEVICE_PRESETS[0].id,
});

/** A preset by id (the vendor figures, whatever the user has edited). */
export function devicePreset(id: string): DeviceModel | undefined {
  return DEVICE_PRESETS.find((d) => d.id === id);
}

/**
 * A device by id or by a case-insensitive part of its name ("4090", "orin"); an unknown or
 * ambiguous name is an error that lists the ids.
 */
export function findDevice(query: string, devices: readonly DeviceModel[] = DEVICE_PRESETS): DeviceModel {
  const q = query.trim().toLowerCase();
  const exact = devices.find((d) => d.id === q);
  if (exact) return exact;
  const hits = devices.filter((d) => d.name.toLowerCase().includes(q) || d.id.includes(q));
  if (hits.length === 1) return hits[0];
  const ids = devices.map((d) => d.id).join(', ');
  throw new Error(
    hits.length === 0
      ? `unknown device "${query}" (devices: ${ids})`
      : `device "${query}" is ambiguous: ${hits.map((d) => d.id).join(', ')}`,
  );
}
