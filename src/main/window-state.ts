import { z } from 'zod';
import type { SettingsRepo } from './db/settings';
import { type Bounds, DEFAULT_BOUNDS } from './window';

const KEY = 'window.bounds';
const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().optional(),
});

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The last window bounds, if they are valid and still on a connected display (a monitor may have been
 * unplugged since): otherwise the default size, centred by the OS.
 */
export function loadBounds(settings: SettingsRepo, displays: DisplayArea[]): Bounds {
  const parsed = boundsSchema.safeParse(settings.get(KEY));
  if (!parsed.success) return DEFAULT_BOUNDS;
  const b = parsed.data;
  if (b.x === undefined || b.y === undefined)
    return { width: b.width, height: b.height, maximized: b.maximized };
  const visible = displays.some(
    (d) =>
      b.x! < d.x + d.width - 50 &&
      b.x! + b.width > d.x + 50 &&
      b.y! >= d.y - 10 &&
      b.y! < d.y + d.height - 50,
  );
  return visible ? b : { width: b.width, height: b.height, maximized: b.maximized };
}

export function saveBounds(settings: SettingsRepo, bounds: Bounds): void {
  settings.setMany({ [KEY]: bounds });
}
