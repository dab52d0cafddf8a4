import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';

/**
 * The HMAC secret for access tokens (and what the local gateway derives its webhook secret from): AUTH_SECRET in
 * production; otherwise generated once and kept under DATA_DIR (mode 0600), so tokens survive restarts of `npm start`.
 */
export function resolveAuthSecret(config: AppConfig): Uint8Array {
  if (config.auth.secret) return new TextEncoder().encode(config.auth.secret);
  if (config.isProduction) throw new Error('AUTH_SECRET is required in production');
  const file = join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
