import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Third-party reference files (`../shared/reference` beside the checkout, or LOOKBOOK_REFERENCE_DIR). Never copied in. */
export const REFERENCE_DIR =
  process.env['LOOKBOOK_REFERENCE_DIR'] ?? join(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'reference');

export const referenceAvailable = (subdir: string): boolean => existsSync(join(REFERENCE_DIR, subdir));
