import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@lookbook/catalog';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { IdentityModule } from '@lookbook/identity';
import { CatalogPoliciesInstaller } from './catalog-policies.installer';
import { LicenseKeyRing } from './certificates/key-ring';
import { GrantEntity } from './grants/grant.entity';
import { GrantService } from './grants/grant.service';
import { LicenseVerifier } from './grants/license-verifier';
import { LicenseVerifyController } from './grants/license-verify.controller';
import { LicenseResolver, VersionLicenseResolver } from './grants/license.resolver';
import { LicenseService } from './grants/license.service';
import { JwksController } from './jwks.controller';
import { LicensingFacade } from './licensing.facade';
import { OfferEntity } from './offers/offer.entity';
import { OfferRules } from './offers/offer-rules';
import { OfferResolver } from './offers/offer.resolver';
import { OfferService } from './offers/offer.service';

export const LICENSE_KEY_FILE = 'license-signing-keys.json';

/**
 * Licence offers (tiers, prices, permissions, generated terms, compatibility rules), grants with signed certificates,
 * public verification, and the catalog's publish and download policies.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OfferEntity, GrantEntity]), CatalogModule, IdentityModule],
  controllers: [JwksController, LicenseVerifyController],
  providers: [
    OfferService,
    OfferRules,
    OfferResolver,
    GrantService,
    LicenseVerifier,
    LicenseService,
    LicenseResolver,
    VersionLicenseResolver,
    LicensingFacade,
    CatalogPoliciesInstaller,
    {
      provide: LicenseKeyRing,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        LicenseKeyRing.load(config.auth.licenseSigningKeys, join(config.dataDir, LICENSE_KEY_FILE)),
    },
  ],
  exports: [LicenseKeyRing, LicensingFacade],
})
export class LicensingModule {}
