import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Use } from '../lineage/remix-terms';
import { HeldLicence, LicenseRollupObject } from '../graphql/rollup.objects';
import { toRollup } from '../graphql/template.mapper';
import { LicenseRollupService } from './license-rollup.service';
import { TemplatesLoaders } from '../templates.loaders';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, UUIDScalar } from '@lookbook/core';
import { fromOfferInput, LicenseOffer, LicenseOfferInput, LicensingFacade, toOffer } from '@lookbook/licensing';
import { TemplateUseEnum, TemplateVersion } from '../graphql/template.objects';

/** Template versions are licensed like model versions: the same offers, tiers, checkout and certificates. */
@Resolver(() => TemplateVersion)
export class TemplateSaleResolver {
  constructor(
    private readonly licensing: LicensingFacade,
    private readonly rollups: LicenseRollupService,
    private readonly loaders: TemplatesLoaders,
  ) {}

  @ResolveField(() => [HeldLicence], { description: 'Your active licences of this version (none when signed out).' })
  async myLicenses(
    @Parent() version: TemplateVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<HeldLicence[]> {
    if (!viewer) return [];
    const held = await this.loaders.heldLicences(loaders, viewer).load(version.id);
    return held.map((g) => Object.assign(new HeldLicence(), { id: g.id, tier: g.tier }));
  }

  @ResolveField(() => LicenseRollupObject, {
    description:
      'What you must hold to use this version for a purpose — the template itself and every model it loads — and ' +
      'whether you hold it (anonymous viewers hold nothing).',
  })
  licenseRollup(
    @Parent() version: TemplateVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Args('purpose', { type: () => TemplateUseEnum, defaultValue: 'COMMERCIAL' }) purpose: Use,
  ): Promise<LicenseRollupObject> {
    return this.rollups.forTemplateVersion(viewer, version.id, purpose).then(toRollup);
  }

  @ResolveField(() => [LicenseOffer], { description: 'The licences on sale for this template version.' })
  async licenseOffers(@Parent() version: TemplateVersion, @Loaders() loaders: LoaderRegistry): Promise<LicenseOffer[]> {
    return (await this.loaders.offers(loaders).load(version.id)).map(toOffer);
  }

  @Mutation(() => [LicenseOffer], {
    description:
      'Set the licence offers of your template version (the list replaces the current one). A remix may offer only ' +
      'what its IP terms allow (commercial use, derivatives, credit).',
  })
  async setTemplateLicenseOffers(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
    @Args('offers', { type: () => [LicenseOfferInput] }) offers: LicenseOfferInput[],
  ): Promise<LicenseOffer[]> {
    const saved = await this.licensing.setOffers(actor, 'TEMPLATE', versionId, offers.map(fromOfferInput));
    return saved.map(toOffer);
  }
}
