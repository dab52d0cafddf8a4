import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@lookbook/catalog';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { LicenseKeyRing } from './certificates/key-ring';
import { JwksController } from './jwks.controller';
import { OfferEntity } from './offers/offer.entity';
import { OfferResolver } from './offers/offer.resolver';
import { OfferService } from './offers/offer.service';

export const LICENSE_KEY_FILE = 'license-signing-keys.json';

/** Licence offers (tiers, prices, permissions, generated terms) and certificates (signing keys, JWKS). */
@Module({
  imports: [TypeOrmModule.forFeature([OfferEntity]), CatalogModule],
  controllers: [JwksController],
  providers: [
    OfferService,
    OfferResolver,
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
