import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Use } from '../lineage/remix-terms';
import { HeldLicence, LicenseRollupObject } from '../graphql/rollup.objects';
import { toRollup } from '../graphql/template.mapper';
import { LicenseRollupService } from './license-rollup.service';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, UUIDScalar } from '@lookbook/core';
import type { OfferEntity } from '@lookbook/licensing';
import { fromOfferInput, LicenseOffer, LicenseOfferInput, LicensingFacade, toOffer } from '@lookbook/licensing';
import { TemplateUseEnum, TemplateVersion } from '../graphql/template.objects';

/** Template versions are licensed like model versions: the same offers, tiers, checkout and certificates. */
@Resolver(() => TemplateVersion)
export class TemplateSaleResolver {
  constructor(
    private readonly licensing: LicensingFacade,
    private readonly rollups: LicenseRollupService,
  ) {}

  @ResolveField(() => [HeldLicence], { description: 'Your active licences of this version (none when signed out).' })
  async myLicenses(
    @Parent() version: TemplateVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<HeldLicence[]> {
    if (!viewer) return [];
    // One read for all the versions on a page (loaders live per request, so per viewer).
    const loader = loaders.get<string, HeldLicence[]>('templates.myLicenses', async (ids) => {
      const held = await this.licensing.activeHeldBy(viewer, ids);
      return ids.map((id) =>
        held.filter((g) => g.versionId === id).map((g) => Object.assign(new HeldLicence(), { id: g.id, tier: g.tier })),
      );
    });
    return loader.load(version.id);
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
    const loader = loaders.get<string, OfferEntity[]>('templates.offers', async (ids) => {
      const rows = await this.licensing.liveOffers(ids);
      return ids.map((id) => rows.filter((r) => r.versionId === id));
    });
    return (await loader.load(version.id)).map(toOffer);
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
