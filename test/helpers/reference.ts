import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PyTorch-measured ground truth lives in `shared/reference/` beside the repository (read-only, not part
 * of it). CONVSCOPE_REFERENCE overrides the location.
 */
export const REFERENCE_DIR =
  process.env.CONVSCOPE_REFERENCE ??
  resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'reference');

export function referenceFile(name: string): string {
  const file = join(REFERENCE_DIR, name);
  if (!existsSync(file)) {
    throw new Error(
      `reference data ${file} is missing: shared/reference must sit beside the repository (or set CONVSCOPE_REFERENCE)`,
    );
  }
  return file;
}
