import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@lookbook/catalog';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { IdentityModule } from '@lookbook/identity';
import { CatalogPoliciesInstaller } from './policies/catalog-policies.installer';
import { LicenseKeyRing } from './certificates/key-ring';
import { LicenseEntity } from './licenses/license.entity';
import { LicenseIssuer } from './licenses/license-issuer.service';
import { LicenseVerifier } from './licenses/license-verifier.service';
import { LicenseVerifyController } from './licenses/license-verify.controller';
import { LicenseResolver } from './licenses/license.resolver';
import { VersionLicenseResolver } from './licenses/version-license.resolver';
import { LicenseRepository } from './licenses/license.repository';
import { OfferRepository } from './offers/offer.repository';
import { LicenseService } from './licenses/license.service';
import { JwksController } from './certificates/jwks.controller';
import { LicensingLoaders } from './licensing.loaders';
import { LicensingFacade } from './licensing.facade';
import { OfferEntity } from './offers/offer.entity';
import { OfferRules } from './offers/offer-rules.service';
import { OfferResolver } from './offers/offer.resolver';
import { OfferService } from './offers/offer.service';
import { LicensableSubjects } from './subjects/licensable-subjects';
import { ModelSubjects } from './subjects/model-subjects';

export const LICENSE_KEY_FILE = 'license-signing-keys.json';

/**
 * Licence offers (tiers, prices, permissions, generated terms, compatibility rules), grants with signed certificates,
 * public verification, and the catalog's publish and download policies.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OfferEntity, LicenseEntity]), CatalogModule, IdentityModule],
  controllers: [JwksController, LicenseVerifyController],
  providers: [
    OfferRepository,
    LicenseRepository,
    OfferService,
    OfferRules,
    OfferResolver,
    LicenseIssuer,
    LicenseVerifier,
    LicenseService,
    LicenseResolver,
    VersionLicenseResolver,
    LicensingLoaders,
    LicensingFacade,
    ModelSubjects,
    LicensableSubjects,
    CatalogPoliciesInstaller,
    {
      provide: LicenseKeyRing,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        LicenseKeyRing.load(config.auth.licenseSigningKeys, join(config.dataDir, LICENSE_KEY_FILE)),
    },
  ],
  exports: [LicenseKeyRing, LicensingFacade, LicensableSubjects],
})
export class LicensingModule {}
