import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Third-party reference files (`../shared/reference` beside the checkout, or LOOKBOOK_REFERENCE_DIR). Never copied in. */
export const REFERENCE_DIR =
  process.env['LOOKBOOK_REFERENCE_DIR'] ?? join(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'reference');

/**
 * Whether a reference folder is there. Outside CI a missing folder skips the tests that need it (with its path in
 * their title); in CI (`CI=true`) it is a failure, so conformance can never silently stop being checked.
 */
export function referenceAvailable(subdir: string): boolean {
  const present = existsSync(join(REFERENCE_DIR, subdir));
  if (!present && process.env['CI'] === 'true') {
    throw new Error(`CI=true but the reference files are missing: ${join(REFERENCE_DIR, subdir)}`);
  }
  return present;
}
