import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, Public, UUIDScalar } from '@lookbook/core';
import { CURRENCIES } from '@lookbook/kernel';
import { ModelVersion } from '@lookbook/catalog';
import type { OfferEntity } from './offer.entity';
import { Currency, LicenseOffer } from '../graphql/licensing.objects';
import { LicenseOfferInput } from '../graphql/licensing.inputs';
import { fromOfferInput, toOffer } from '../graphql/licensing.mapper';
import { OfferService } from './offer.service';

@Resolver(() => ModelVersion)
export class OfferResolver {
  constructor(private readonly offers: OfferService) {}

  @Public()
  @Query(() => [Currency], { description: 'The currencies prices can be set in.' })
  currencies(): Currency[] {
    return [...CURRENCIES.values()].map((c) => Object.assign(new Currency(), c));
  }

  @ResolveField(() => [LicenseOffer], { description: 'The licences on sale for this version (live revisions).' })
  async licenseOffers(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<LicenseOffer[]> {
    const loader = loaders.get<string, OfferEntity[]>('licensing.offers', async (ids) => {
      const rows = await this.offers.liveOffers(ids);
      return ids.map((id) => rows.filter((r) => r.versionId === id));
    });
    return (await loader.load(version.id)).map(toOffer);
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
