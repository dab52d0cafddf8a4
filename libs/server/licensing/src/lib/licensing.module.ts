import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { LicenseKeyRing } from './certificates/key-ring';
import { JwksController } from './jwks.controller';

export const LICENSE_KEY_FILE = 'license-signing-keys.json';

/** Licence certificates: the signing key ring and its public JWKS. Offers and grants build on this. */
@Module({
  controllers: [JwksController],
  providers: [
    {
      provide: LicenseKeyRing,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        LicenseKeyRing.load(config.auth.licenseSigningKeys, join(config.dataDir, LICENSE_KEY_FILE)),
    },
  ],
  exports: [LicenseKeyRing],
})
export class LicensingModule {}
