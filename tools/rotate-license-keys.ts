import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit } from '@lookbook/core';
import type { StoredKey } from '@lookbook/licensing';
import { LICENSE_KEY_FILE, LicenseKeyRing, rotate } from '@lookbook/licensing';

/**
 * `npm run keys:rotate`: a new licence-signing key becomes active; the previous one is retired as of now and stays
 * published for verification. With LICENSE_SIGNING_KEYS set, prints the new value to store in your secret manager;
 * otherwise updates the embedded key file under DATA_DIR. Restart the API afterwards.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const file = join(config.dataDir, LICENSE_KEY_FILE);
  const configured = config.auth.licenseSigningKeys;
  if (!configured) await LicenseKeyRing.load(undefined, file); // creates the file on first use
  const current = JSON.parse(configured ?? readFileSync(file, 'utf8')) as StoredKey[];
  const next = await rotate(current, new Date());
  await LicenseKeyRing.fromStored(next);
  if (configured) {
    process.stdout.write(`${JSON.stringify(next)}\n`);
  } else {
    writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
    process.stdout.write(`rotated: ${next[0]!.kid} now signs; ${next.length - 1} older key(s) still verify\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`key rotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
