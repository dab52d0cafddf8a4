import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CryptoKey, JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';

/** A stored signing key: an Ed25519 private JWK plus its id and, once retired, the last moment it may have signed. */
export interface StoredKey extends JWK {
  kid: string;
  /** Seconds since epoch. Certificates claiming to be issued later by this key are refused. */
  notAfter?: number;
}

export interface PublicJwk extends JWK {
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
  notAfter?: number;
}

/**
 * The licence-signing keys, newest first. The newest signs; every listed key verifies certificates it issued before
 * its `notAfter`. Rotation prepends a new key and retires the previous one; old keys stay published in the JWKS so
 * certificates issued years ago still verify offline.
 */
export class LicenseKeyRing {
  private constructor(
    private readonly keys: StoredKey[],
    private readonly signer: CryptoKey,
  ) {}

  static async fromStored(keys: StoredKey[]): Promise<LicenseKeyRing> {
    if (!Array.isArray(keys) || keys.length === 0) throw new Error('LICENSE_SIGNING_KEYS must list at least one key');
    for (const key of keys) {
      if (key.kty !== 'OKP' || key.crv !== 'Ed25519' || !key.d || !key.x || typeof key.kid !== 'string') {
        throw new Error('LICENSE_SIGNING_KEYS must hold Ed25519 private JWKs with a kid');
      }
    }
    const signer = (await importJWK({ ...keys[0]!, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
    return new LicenseKeyRing(keys, signer);
  }

  /** Production: the JSON from config. Embedded default: a key file under DATA_DIR, created (0600) on first start. */
  static async load(configured: string | undefined, file: string): Promise<LicenseKeyRing> {
    if (configured) return LicenseKeyRing.fromStored(JSON.parse(configured) as StoredKey[]);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify([await newKey()], null, 2), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    return LicenseKeyRing.fromStored(JSON.parse(readFileSync(file, 'utf8')) as StoredKey[]);
  }

  get activeKid(): string {
    return this.keys[0]!.kid;
  }

  get signingKey(): CryptoKey {
    return this.signer;
  }

  /** The public JWKS: every key, private parts removed. */
  jwks(): { keys: PublicJwk[] } {
    return {
      keys: this.keys.map(({ kid, kty, crv, x, notAfter }) => ({
        kid,
        kty,
        crv,
        x,
        alg: 'EdDSA' as const,
        use: 'sig' as const,
        ...(notAfter ? { notAfter } : {}),
      })),
    };
  }
}

export async function newKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: (await calculateJwkThumbprint(jwk)).slice(0, 16) };
}

/** Prepends a fresh key and retires the current one as of `now` (it keeps verifying what it signed before). */
export async function rotate(keys: StoredKey[], now: Date): Promise<StoredKey[]> {
  const seconds = Math.floor(now.getTime() / 1000);
  const [current, ...older] = keys;
  return [await newKey(), ...(current ? [{ ...current, notAfter: current.notAfter ?? seconds }] : []), ...older];
}
