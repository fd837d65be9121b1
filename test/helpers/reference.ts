import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PyTorch-measured ground truth, kept in the repository under `test/fixtures/reference/` (see its
 * README for provenance and `generate.py` to regenerate it). CONVSCOPE_REFERENCE points at another copy.
 */
export const REFERENCE_DIR =
  process.env.CONVSCOPE_REFERENCE ?? fileURLToPath(new URL('../fixtures/reference/', import.meta.url));

export function referenceFile(name: string): string {
  const file = join(REFERENCE_DIR, name);
  if (!existsSync(file)) {
    throw new Error(
      `reference data ${file} is missing (test/fixtures/reference, or set CONVSCOPE_REFERENCE)`,
    );
  }
  return file;
}
