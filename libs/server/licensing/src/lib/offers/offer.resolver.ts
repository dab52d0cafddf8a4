import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, Public, UUIDScalar } from '@lookbook/core';
import { CURRENCIES } from '@lookbook/kernel';
import { ModelVersion } from '@lookbook/catalog';
import { Currency, LicenseOffer } from '../graphql/licensing.objects';
import { LicenseOfferInput } from '../graphql/licensing.inputs';
import { fromOfferInput, toOffer } from '../graphql/licensing.mapper';
import { LicensingLoaders } from '../licensing.loaders';
import { OfferService } from './offer.service';

@Resolver(() => ModelVersion)
export class OfferResolver {
  constructor(
    private readonly offers: OfferService,
    private readonly loaders: LicensingLoaders,
  ) {}

  @Public()
  @Query(() => [Currency], { description: 'The currencies prices can be set in.' })
  currencies(): Currency[] {
    return [...CURRENCIES.values()].map((c) => Object.assign(new Currency(), c));
  }

  @ResolveField(() => [LicenseOffer], { description: 'The licences on sale for this version (live revisions).' })
  async licenseOffers(
    @Parent() version: ModelVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<LicenseOffer[]> {
    // With the viewer's licences (the same statement `myLicenses` and `ownedByMe` read).
    const { offers } = await this.loaders.versionLicensing(loaders, viewer?.userId ?? null).load(version.id);
    return offers.map(toOffer);
  }

  @Mutation(() => [LicenseOffer], {
    description:
      'Set the licence offers of your version (the list replaces the current one; changed terms get a new revision).',
  })
  async setLicenseOffers(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
    @Args('offers', { type: () => [LicenseOfferInput] }) offers: LicenseOfferInput[],
  ): Promise<LicenseOffer[]> {
    const saved = await this.offers.setOffers(actor, versionId, offers.map(fromOfferInput));
    return saved.map(toOffer);
  }
}
