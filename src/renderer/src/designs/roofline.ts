/** A device for the roofline model: peak compute and memory bandwidth. */
export interface Device {
  id: string;
  /** Shown in the preset list (a product class, not a benchmark claim). */
  label: string;
  /** Peak FLOP/s. */
  peakFlops: number;
  /** Memory bandwidth, bytes/s. */
  bandwidth: number;
}

/**
 * Round figures of the order of each class (editable in the UI); the point of the plot is where
 * the ridge lies relative to the layers, not the exact device.
 */
export const DEVICE_PRESETS: readonly Device[] = [
  { id: 'laptop-cpu', label: 'Laptop CPU', peakFlops: 0.5e12, bandwidth: 50e9 },
  { id: 'phone-npu', label: 'Phone NPU', peakFlops: 4e12, bandwidth: 30e9 },
  { id: 'datacenter-gpu', label: 'Datacenter GPU', peakFlops: 60e12, bandwidth: 2000e9 },
];

/** Attainable FLOP/s = min(peak, bandwidth × intensity). */
export function attainable(device: Device, intensity: number): number {
  return Math.min(device.peakFlops, device.bandwidth * intensity);
}

/** The intensity (FLOP/byte) where the two roofs meet: peak / bandwidth. */
export function ridge(device: Device): number {
  return device.peakFlops / device.bandwidth;
}

/** Below the ridge a layer waits on memory; at or above it, on arithmetic. */
export function boundOf(device: Device, intensity: number): 'memory' | 'compute' {
  return intensity < ridge(device) ? 'memory' : 'compute';
}
