import { createHash } from 'node:crypto';

export type { CommercialUse, Permissions, Tier } from '@lookbook/kernel';
export {
  COMMERCIAL_USES,
  LICENSE_TEXT_VERSION,
  MAX_CREDIT_LINE,
  TIERS,
  licenseText,
  validatePermissions,
} from '@lookbook/kernel';

/** Names a licence text: the SHA-256 of its UTF-8 bytes. */
export function termsHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
