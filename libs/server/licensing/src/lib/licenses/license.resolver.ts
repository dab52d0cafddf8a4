import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, AppConfig, Page } from '@lookbook/core';
import {
  APP_CONFIG,
  byKeys,
  ConnectionArgs,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  Public,
  Roles,
  UUIDScalar,
  publicBaseUrl,
} from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import type { UserSummary } from '@lookbook/identity';
import type { LicenseEntity, RevocationReason } from './license.entity';
import { LicenseService } from './license.service';
import {
  License,
  LicenseConnection,
  LicenseHolder,
  LicenseVerification,
  RevocationReasonEnum,
} from '../graphql/licensing.objects';
import type { LicenseAudience } from './license-audience';
import { toLicense } from '../graphql/licensing.mapper';

@Resolver(() => License)
export class LicenseResolver {
  constructor(
    private readonly licenses: LicenseService,
    private readonly identity: IdentityFacade,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private view = (audience: LicenseAudience) => (grant: LicenseEntity) =>
    toLicense(grant, audience, publicBaseUrl(this.config));

  @Query(() => LicenseConnection, { description: 'Your licences, newest first (active and revoked).' })
  myLicenses(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<License>> {
    return this.licenses.mine(actor, args, this.view('HOLDER'));
  }

  @Query(() => LicenseConnection, {
    description: 'Licences sold or given for one of your versions, newest first. Buyers appear by public profile only.',
  })
  soldLicenses(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
    @Args() args: ConnectionArgs,
  ): Promise<Page<License>> {
    return this.licenses.sold(actor, versionId, args, this.view('CREATOR'));
  }

  @Query(() => License, { description: 'A licence you hold, or one of a version you created (staff: any).' })
  async license(@CurrentActor() actor: Actor, @Args('id', { type: () => UUIDScalar }) id: string): Promise<License> {
    const { grant, audience } = await this.licenses.visible(actor, id);
    return this.view(audience)(grant);
  }

  @Public()
  @Query(() => LicenseVerification, {
    description:
      'Check a licence certificate: authenticity (signature against the published keys) and, online, whether the ' +
      'licence is still active. Anyone may ask.',
  })
  async verifyLicense(@Args('certificate') certificate: string): Promise<LicenseVerification> {
    const result = await this.licenses.verifyCertificate(certificate);
    return {
      valid: result.valid,
      problem: result.problem,
      message: result.message,
      status: result.grant?.status ?? null,
      license: result.grant && this.view('PUBLIC')(result.grant),
    };
  }

  @Mutation(() => License, {
    description: 'Take the FREE licence of a published version (claiming again returns the licence you hold).',
  })
  async claimFreeLicense(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
  ): Promise<License> {
    return this.view('HOLDER')(await this.licenses.claimFree(actor, versionId));
  }

  @Mutation(() => License, {
    description: 'Give one of your offers to someone at no charge (press, collaborators, competition prizes).',
  })
  async giftLicense(
    @CurrentActor() actor: Actor,
    @Args('offerId', { type: () => UUIDScalar }) offerId: string,
    @Args('licenseeHandle') licenseeHandle: string,
  ): Promise<License> {
    return this.view('CREATOR')(await this.licenses.gift(actor, offerId, licenseeHandle));
  }

  @Roles('moderator', 'admin')
  @Mutation(() => License, {
    description: 'Revoke a licence (fraud, terms violation, takedown). Its certificate then verifies as revoked.',
  })
  async revokeLicense(
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('reason', { type: () => RevocationReasonEnum }) reason: RevocationReason,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<License> {
    return this.view('STAFF')(await this.licenses.revoke(id, reason, note ?? null));
  }

  @ResolveField(() => LicenseHolder)
  async licensee(@Parent() license: License, @Loaders() loaders: LoaderRegistry): Promise<LicenseHolder> {
    const loader = loaders.get<string, UserSummary | null>('licensing.holder', async (ids) => {
      return byKeys(ids, await this.identity.usersByIds(ids), (u) => u.id);
    });
    const user = await loader.load(license.licenseeId);
    return user ?? { id: license.licenseeId, handle: 'deleted', displayName: 'Deleted user' };
  }
}
